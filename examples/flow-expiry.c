/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * flow-expiry: a per-flow packet counter that forgets idle flows.
 *
 * An XDP program built with libmapops, with two subprograms:
 *
 *   flow_key   a bpf-to-bpf function (mapops_call()): given the context, it
 *              returns the flow of a UDP/IPv4 frame as a u32, source port
 *              << 16 | destination port, or -1 for anything else;
 *   expire     a callback that bpf_for_each_map_elem() runs on every flow
 *              (mapops_map_for_each()): it deletes the flows idle for more
 *              than TTL ticks and counts them.
 *
 * For every UDP frame the main program advances a clock (one tick per
 * frame, in the one-element array "stats", reached without a helper call
 * through mapops_ld_map_value()), counts the frame in the hash map "flows"
 * (key u32 flow, value { u64 packets; u64 last_seen; }), then walks all
 * flows with the callback.  Both maps are named operands (mapops_map_ref()),
 * bound to their fds after the program is built (mapops_prog_bind_map()).
 * mapops_prog_load() gives the kernel the BTF function records the
 * callback needs.
 *
 * The frames are fed through BPF_PROG_TEST_RUN (no interface needed), and
 * after each one the program's effect is read back from user space and
 * printed.
 *
 *      flow-expiry [--check] [--dump]
 *
 * --check: exit 1 unless every step (flows alive, flows expired, flows the
 * callback visited, each flow's counters) matches a model of the same rules
 * computed here in C.  --dump: print the program (mapops_prog_dump()) first.
 * Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel refuses
 * bpf() (1 instead if MAPOPS_REQUIRE_BPF=1).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/if_ether.h>
#include <netinet/in.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <mapops/mapops.h>

#define TTL 4          /* ticks a flow may stay idle */
#define MAX_FLOWS 64

/* The values of the two maps. */
struct flow {
	__u64 packets;
	__u64 last_seen; /* the tick of its latest frame */
};

struct stats {
	__u64 tick;      /* UDP frames seen */
	__u64 expired;   /* flows deleted by the callback */
	__u64 visited;   /* elements the walks visited (bpf_for_each_map_elem's r0) */
};

/* The context the main program hands the callback, on its stack. */
struct walk {
	__u64 now;
	__u64 expired;
};

/* The main program's stack frame. */
#define KEY_OFF (-4)                      /* u32 flow */
#define NEW_OFF (-24)                     /* struct flow for a new flow */
#define WALK_OFF (-40)                    /* struct walk */

/* The frame: Ethernet, a 20-byte IPv4 header, UDP. */
#define IP_OFF ETH_HLEN
#define UDP_OFF (IP_OFF + 20)
#define FRAME_MIN (UDP_OFF + 8)

static int skip_code(void)
{
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	return req && strcmp(req, "1") == 0 ? 1 : 77;
}

/* ------------------------------------------------------------------------
 * The program
 * ------------------------------------------------------------------------ */

/*
 * main:
 *      r1 = ctx; call flow_key; if r0 s< 0 goto pass
 *      *(u32 *)(r10 - 4) = w0
 *      r7 = &stats; r8 = stats->tick + 1; stats->tick = r8
 *      r0 = lookup(flows, key); if r0 == 0 goto new
 *      r0->packets += 1; r0->last_seen = r8; goto walk
 * new: flows[key] = { 1, r8 }
 * walk: walk = { r8, 0 }; r0 = for_each(flows, expire, &walk)
 *      stats->visited += r0; stats->expired += walk.expired
 * pass: return XDP_PASS
 */
static int emit_main(mapops_prog_t *p, int flows, int stats)
{
	return
		mapops_call(p, "flow_key") ||
		mapops_jmp_imm(p, BPF_JSLT, BPF_REG_0, 0, "pass") ||
		mapops_stx_mem(p, BPF_W, BPF_REG_10, BPF_REG_0, KEY_OFF) ||
		/* r6..r9 survive the helper calls and the callback walk */
		mapops_ld_map_value(p, BPF_REG_7, stats, 0) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_8, BPF_REG_7,
			       offsetof(struct stats, tick)) ||
		mapops_alu64_imm(p, BPF_ADD, BPF_REG_8, 1) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_7, BPF_REG_8,
			       offsetof(struct stats, tick)) ||
		mapops_map_lookup(p, flows, KEY_OFF) ||
		mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "new") ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_0,
			       offsetof(struct flow, packets)) ||
		mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, 1) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_1,
			       offsetof(struct flow, packets)) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_8,
			       offsetof(struct flow, last_seen)) ||
		mapops_ja(p, "walk") ||
		mapops_label(p, "new") ||
		mapops_st_mem(p, BPF_DW, BPF_REG_10,
			      NEW_OFF + (int)offsetof(struct flow, packets), 1) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_8,
			       NEW_OFF + (int)offsetof(struct flow, last_seen)) ||
		mapops_map_update(p, flows, KEY_OFF, NEW_OFF, BPF_ANY) ||
		mapops_label(p, "walk") ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_8,
			       WALK_OFF + (int)offsetof(struct walk, now)) ||
		mapops_st_mem(p, BPF_DW, BPF_REG_10,
			      WALK_OFF + (int)offsetof(struct walk, expired), 0) ||
		mapops_map_for_each(p, flows, "expire", WALK_OFF, 0) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_7,
			       offsetof(struct stats, visited)) ||
		mapops_alu64_reg(p, BPF_ADD, BPF_REG_1, BPF_REG_0) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_7, BPF_REG_1,
			       offsetof(struct stats, visited)) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_7,
			       offsetof(struct stats, expired)) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_2, BPF_REG_10,
			       WALK_OFF + (int)offsetof(struct walk, expired)) ||
		mapops_alu64_reg(p, BPF_ADD, BPF_REG_1, BPF_REG_2) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_7, BPF_REG_1,
			       offsetof(struct stats, expired)) ||
		mapops_label(p, "pass") ||
		mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, XDP_PASS) ||
		mapops_exit(p);
}

/*
 * flow_key(ctx): r1 = the context, r0 = the flow or -1.  A subprogram
 * reads the packet through its own data/data_end: the verifier checks it
 * against the caller's context.
 */
static int emit_flow_key(mapops_prog_t *p)
{
	return
		mapops_label(p, "flow_key") ||
		mapops_ldx_mem(p, BPF_W, BPF_REG_2, BPF_REG_1, 0) || /* data */
		mapops_ldx_mem(p, BPF_W, BPF_REG_3, BPF_REG_1, 4) || /* data_end */
		mapops_alu64_reg(p, BPF_MOV, BPF_REG_4, BPF_REG_2) ||
		mapops_alu64_imm(p, BPF_ADD, BPF_REG_4, FRAME_MIN) ||
		mapops_jmp_reg(p, BPF_JGT, BPF_REG_4, BPF_REG_3, "not_udp") ||
		mapops_ldx_mem(p, BPF_H, BPF_REG_4, BPF_REG_2, 12) ||
		mapops_endian(p, BPF_TO_BE, BPF_REG_4, 16) ||
		mapops_jmp_imm(p, BPF_JNE, BPF_REG_4, ETH_P_IP, "not_udp") ||
		/* version 4, a 20-byte header, and UDP */
		mapops_ldx_mem(p, BPF_B, BPF_REG_4, BPF_REG_2, IP_OFF) ||
		mapops_jmp_imm(p, BPF_JNE, BPF_REG_4, 0x45, "not_udp") ||
		mapops_ldx_mem(p, BPF_B, BPF_REG_4, BPF_REG_2, IP_OFF + 9) ||
		mapops_jmp_imm(p, BPF_JNE, BPF_REG_4, IPPROTO_UDP, "not_udp") ||
		/* both ports, big-endian: source << 16 | destination */
		mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_2, UDP_OFF) ||
		mapops_endian(p, BPF_TO_BE, BPF_REG_0, 32) ||
		mapops_exit(p) ||
		mapops_label(p, "not_udp") ||
		mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, -1) ||
		mapops_exit(p);
}

/*
 * expire(map, key, value, walk): called by bpf_for_each_map_elem() for
 * every flow.  If the flow's last frame is more than TTL ticks old, it
 * deletes the flow (r1 and r2 are already the map and the key) and counts
 * it in walk->expired.  Returns 0: go on.
 */
static int emit_expire(mapops_prog_t *p)
{
	return
		mapops_label(p, "expire") ||
		mapops_alu64_reg(p, BPF_MOV, BPF_REG_6, BPF_REG_4) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_3,
			       offsetof(struct flow, last_seen)) ||
		mapops_alu64_imm(p, BPF_ADD, BPF_REG_0, TTL) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_5, BPF_REG_6,
			       offsetof(struct walk, now)) ||
		mapops_jmp_reg(p, BPF_JGE, BPF_REG_0, BPF_REG_5, "keep") ||
		mapops_call_helper(p, BPF_FUNC_map_delete_elem) ||
		mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_6,
			       offsetof(struct walk, expired)) ||
		mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, 1) ||
		mapops_stx_mem(p, BPF_DW, BPF_REG_6, BPF_REG_1,
			       offsetof(struct walk, expired)) ||
		mapops_label(p, "keep") ||
		mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0) ||
		mapops_exit(p);
}

/* The whole program, with the maps named "flows" and "stats" (bound later).
 * Returns the handle, or NULL after printing why. */
static mapops_prog_t *build_program(void)
{
	mapops_prog_t *p = mapops_prog_new();
	int flows, stats;

	if (!p) {
		perror("mapops_prog_new");
		return NULL;
	}
	flows = mapops_map_ref(p, "flows");
	stats = mapops_map_ref(p, "stats");
	if (flows > -4096 || stats > -4096 || emit_main(p, flows, stats) ||
	    emit_flow_key(p) || emit_expire(p)) {
		fprintf(stderr, "flow-expiry: building the program: %s\n",
			mapops_prog_error(p));
		mapops_prog_free(p);
		return NULL;
	}
	return p;
}

/* ------------------------------------------------------------------------
 * The frames
 * ------------------------------------------------------------------------ */

struct step {
	__u16 sport, dport; /* dport 0: an ARP frame, not a flow */
};

/* Four flows; DNS and NTP fall silent and expire, NTP comes back. */
static const struct step steps[] = {
	{ 40001, 53 },  { 40002, 443 }, { 40003, 123 }, { 40002, 443 },
	{ 40001, 53 },  { 40002, 443 }, { 0, 0 },       { 40004, 22 },
	{ 40002, 443 }, { 40004, 22 },  { 40002, 443 }, { 40004, 22 },
	{ 40002, 443 }, { 40003, 123 }, { 40004, 22 },  { 40002, 443 },
	{ 40004, 22 },  { 40002, 443 }, { 40004, 22 },  { 40003, 123 },
	{ 0, 0 },       { 40002, 443 }, { 40002, 443 }, { 40002, 443 },
	{ 40002, 443 }, { 40002, 443 },
};

#define NSTEPS (sizeof(steps) / sizeof(steps[0]))

static void put_be16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* A 64-byte frame: UDP/IPv4 between the step's ports, or an ARP request. */
static size_t make_frame(unsigned char *f, const struct step *s)
{
	memset(f, 0, 64);
	memcpy(f, "\x02\0\0\0\0\x02\x02\0\0\0\0\x01", 12);
	if (!s->dport) {
		put_be16(f + 12, ETH_P_ARP);
		return 64;
	}
	put_be16(f + 12, ETH_P_IP);
	f[IP_OFF] = 0x45;
	put_be16(f + IP_OFF + 2, 64 - ETH_HLEN);
	f[IP_OFF + 8] = 64;
	f[IP_OFF + 9] = IPPROTO_UDP;
	memcpy(f + IP_OFF + 12, "\xc0\x00\x02\x01\xc6\x33\x64\x07", 8);
	put_be16(f + UDP_OFF, s->sport);
	put_be16(f + UDP_OFF + 2, s->dport);
	put_be16(f + UDP_OFF + 4, 64 - UDP_OFF);
	return 64;
}

/* ------------------------------------------------------------------------
 * The model: the same rules in C
 * ------------------------------------------------------------------------ */

struct model {
	struct {
		__u32 key;
		struct flow v;
	} flows[MAX_FLOWS];
	size_t n;
	struct stats st;
};

static void model_step(struct model *m, const struct step *s)
{
	__u32 key = (__u32)s->sport << 16 | s->dport;
	size_t i, j;

	if (!s->dport)
		return;
	m->st.tick++;
	for (i = 0; i < m->n && m->flows[i].key != key; i++)
		;
	if (i == m->n) {
		m->flows[m->n].key = key;
		m->flows[m->n].v.packets = 0;
		m->n++;
	}
	m->flows[i].v.packets++;
	m->flows[i].v.last_seen = m->st.tick;
	m->st.visited += m->n;
	for (i = j = 0; i < m->n; i++) {
		if (m->flows[i].v.last_seen + TTL < m->st.tick)
			m->st.expired++;
		else
			m->flows[j++] = m->flows[i];
	}
	m->n = j;
}

/* ------------------------------------------------------------------------
 * Running it
 * ------------------------------------------------------------------------ */

static int read_stats(int stats_fd, struct stats *st)
{
	__u32 zero = 0;

	if (bpf_map_lookup_elem(stats_fd, &zero, st) != 0) {
		perror("flow-expiry: reading stats");
		return -1;
	}
	return 0;
}

/* Fails unless the flows map holds exactly the model's flows. */
static bool flows_match(int flows_fd, const struct model *m)
{
	size_t i, n = 0;
	__u32 key, *prev = NULL;
	struct flow v;

	while (bpf_map_get_next_key(flows_fd, prev, &key) == 0) {
		prev = &key;
		n++;
		for (i = 0; i < m->n && m->flows[i].key != key; i++)
			;
		if (i == m->n || bpf_map_lookup_elem(flows_fd, &key, &v) != 0 ||
		    v.packets != m->flows[i].v.packets ||
		    v.last_seen != m->flows[i].v.last_seen) {
			fprintf(stderr, "flow-expiry: flow %u -> %u differs from the model\n",
				key >> 16, key & 0xffff);
			return false;
		}
	}
	if (n != m->n) {
		fprintf(stderr, "flow-expiry: %zu flows, the model has %zu\n", n,
			m->n);
		return false;
	}
	return true;
}

static size_t count_flows(int flows_fd)
{
	__u32 key, *prev = NULL;
	size_t n = 0;

	while (bpf_map_get_next_key(flows_fd, prev, &key) == 0) {
		prev = &key;
		n++;
	}
	return n;
}

static int run(int prog_fd, int flows_fd, int stats_fd, bool check)
{
	static struct model m;
	struct stats before = { 0 }, after;
	unsigned char frame[64], out[128]; /* out: the frame as left */
	size_t i;
	int bad = 0;

	printf("flow-expiry: %zu frames through BPF_PROG_TEST_RUN; a flow idle for more than %d ticks expires\n",
	       NSTEPS, TTL);
	printf("%-5s %-4s %-16s %8s %6s %8s %8s\n", "frame", "tick", "flow",
	       "packets", "alive", "expired", "visited");
	for (i = 0; i < NSTEPS; i++) {
		LIBBPF_OPTS(bpf_test_run_opts, opts);
		const struct step *s = &steps[i];
		__u32 key = (__u32)s->sport << 16 | s->dport;
		struct flow v = { 0 };
		char what[32];

		opts.data_in = frame;
		opts.data_size_in = (__u32)make_frame(frame, s);
		opts.data_out = out;
		opts.data_size_out = sizeof(out);
		if (bpf_prog_test_run_opts(prog_fd, &opts) != 0) {
			perror("flow-expiry: BPF_PROG_TEST_RUN");
			return 1;
		}
		if (opts.retval != XDP_PASS) {
			fprintf(stderr, "flow-expiry: the program returned %u\n",
				opts.retval);
			return 1;
		}
		if (read_stats(stats_fd, &after))
			return 1;
		if (s->dport) {
			snprintf(what, sizeof(what), "%u -> %u", s->sport, s->dport);
			bpf_map_lookup_elem(flows_fd, &key, &v);
		} else {
			snprintf(what, sizeof(what), "(ARP, no flow)");
		}
		printf("%5zu %4llu %-16s %8llu %6zu %8llu %8llu\n", i + 1,
		       (unsigned long long)after.tick, what,
		       (unsigned long long)v.packets, count_flows(flows_fd),
		       (unsigned long long)(after.expired - before.expired),
		       (unsigned long long)(after.visited - before.visited));
		before = after;
		model_step(&m, s);
		if (check && (memcmp(&after, &m.st, sizeof(after)) != 0 ||
			      !flows_match(flows_fd, &m))) {
			fprintf(stderr, "flow-expiry: frame %zu: tick %llu expired %llu visited %llu, the model says %llu %llu %llu\n",
				i + 1, (unsigned long long)after.tick,
				(unsigned long long)after.expired,
				(unsigned long long)after.visited,
				(unsigned long long)m.st.tick,
				(unsigned long long)m.st.expired,
				(unsigned long long)m.st.visited);
			bad = 1;
		}
	}
	printf("flow-expiry: %llu UDP frames, %llu flows expired, %zu alive at the end\n",
	       (unsigned long long)after.tick, (unsigned long long)after.expired,
	       count_flows(flows_fd));
	if (check)
		printf("flow-expiry: %s\n", bad ? "FAILED" : "check passed");
	return bad;
}

int main(int argc, char **argv)
{
	bool check = false, dump = false;
	int flows = -1, stats = -1, fd = -1, rc = 1, i;
	mapops_prog_t *prog;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--check") == 0) {
			check = true;
		} else if (strcmp(argv[i], "--dump") == 0) {
			dump = true;
		} else {
			fprintf(stderr, "usage: %s [--check] [--dump]\n", argv[0]);
			return 2;
		}
	}
	/* Built before any map exists: the names are bound below. */
	prog = build_program();
	if (!prog)
		return 1;
	flows = bpf_map_create(BPF_MAP_TYPE_HASH, "flows", sizeof(__u32),
			       sizeof(struct flow), MAX_FLOWS, NULL);
	stats = bpf_map_create(BPF_MAP_TYPE_ARRAY, "stats", sizeof(__u32),
			       sizeof(struct stats), 1, NULL);
	if (flows < 0 || stats < 0) {
		fprintf(stderr, "flow-expiry: bpf_map_create: %s\n",
			strerror(errno));
		rc = skip_code();
		goto out;
	}
	if (mapops_prog_bind_map(prog, "flows", flows) ||
	    mapops_prog_bind_map(prog, "stats", stats)) {
		fprintf(stderr, "flow-expiry: %s\n", mapops_prog_error(prog));
		goto out;
	}
	if (dump && mapops_prog_dump(prog, stdout)) {
		fprintf(stderr, "flow-expiry: %s\n", mapops_prog_error(prog));
		goto out;
	}
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_XDP, NULL);
	if (fd < 0) {
		fprintf(stderr, "flow-expiry: load: %s\n", mapops_prog_error(prog));
		goto out;
	}
	rc = run(fd, flows, stats, check);
out:
	if (fd >= 0)
		close(fd);
	if (flows >= 0)
		close(flows);
	if (stats >= 0)
		close(stats);
	mapops_prog_free(prog);
	return rc;
}
