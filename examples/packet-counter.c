/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * packet-counter: the libmapops example.
 *
 * Counts IPv4 packets and bytes per IP protocol in an XDP program that is
 * built instruction by instruction with libmapops, then loaded and exercised
 * with plain libbpf calls:
 *
 *   1. create two hash maps, keyed by the IPv4 protocol number (u32):
 *        "packets"  value u64: how many packets carried that protocol
 *        "bytes"    value u64: the sum of their IPv4 total-length fields
 *   2. build_program(): emit the XDP program with the libmapops builder and
 *      resolve it to a struct bpf_insn array with mapops_prog_insns()
 *   3. load it with bpf_prog_load() (showing the verifier log on failure)
 *   4. make_packets() + run_batch(): feed hand-built Ethernet frames to the
 *      program through BPF_PROG_TEST_RUN (no network interface is needed)
 *   5. print_table(): read both maps back from user space
 *   6. with --check: compare them with counters computed here in C from the
 *      same frames, and exit non-zero on any difference
 *
 * Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel refuses
 * bpf() (meson's "skipped"), or 1 instead of 77 if MAPOPS_REQUIRE_BPF=1.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/if_ether.h>
#include <netinet/in.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <mapops/mapops.h>

/* ------------------------------------------------------------------------
 * The packet layout the program reads (all offsets from the frame start)
 * ------------------------------------------------------------------------ */

#define ETHERTYPE_OFF 12               /* u16, network byte order */
#define IP_HDR_OFF ETH_HLEN            /* 14: IPv4 header follows Ethernet */
#define IP_TOT_LEN_OFF (IP_HDR_OFF + 2)  /* 16: u16 total length, big-endian */
#define IP_PROTO_OFF (IP_HDR_OFF + 9)    /* 23: u8 protocol */
#define MIN_IPV4_FRAME (ETH_HLEN + 20) /* 34: Ethernet + minimal IPv4 header */

/* The program's stack frame: offsets from r10, the frame pointer. */
#define KEY_OFF (-4)      /* u32 key: the protocol number */
#define ZERO_OFF (-16)    /* u64 0: the initial "bytes" value */
#define SCRATCH_OFF (-24) /* u64 scratch for mapops_map_increment() */

/* One value per possible protocol number, so neither map can fill up. */
#define MAX_PROTOCOLS 256

/* ------------------------------------------------------------------------
 * Building the XDP program
 *
 * Every mapops_* emitter returns 0 or a negative errno, and a failed call
 * appends nothing.  Chaining calls with || therefore stops at the first
 * failure, whose explanation is then in mapops_prog_error().
 * ------------------------------------------------------------------------ */

/*
 * Reads the packet, leaving the key on the stack and the IPv4 total length
 * in r7; jumps to "pass" for anything that is not a complete IPv4 header.
 *
 * On entry r1 holds the context, a struct xdp_md *.  Its data and data_end
 * fields (offsets 0 and 4) are read with 32-bit loads; the verifier turns
 * them into packet pointers.  It accepts a packet read only after a compare
 * against data_end has proved it in bounds.
 *
 * Everything from the packet is read here, before any map operation: the
 * helper calls inside those clobber r1..r5 (so the packet pointers in r2 and
 * r3 do not survive them), and only r6..r9 and the stack are kept.
 */
static int emit_parse(mapops_prog_t *prog)
{
	return
		/* r2 = ctx->data; r3 = ctx->data_end */
		mapops_ldx_mem(prog, BPF_W, BPF_REG_2, BPF_REG_1, 0) ||
		mapops_ldx_mem(prog, BPF_W, BPF_REG_3, BPF_REG_1, 4) ||
		/* if (data + 34 > data_end) goto pass */
		mapops_alu64_reg(prog, BPF_MOV, BPF_REG_4, BPF_REG_2) ||
		mapops_alu64_imm(prog, BPF_ADD, BPF_REG_4, MIN_IPV4_FRAME) ||
		mapops_jmp_reg(prog, BPF_JGT, BPF_REG_4, BPF_REG_3, "pass") ||
		/* r4 = be16(eth->h_proto); if (r4 != ETH_P_IP) goto pass.
		 * The field is big-endian in the packet: BPF_TO_BE converts
		 * between big-endian and the host's order, so the compare
		 * uses the plain constant 0x0800 on any host. */
		mapops_ldx_mem(prog, BPF_H, BPF_REG_4, BPF_REG_2, ETHERTYPE_OFF) ||
		mapops_endian(prog, BPF_TO_BE, BPF_REG_4, 16) ||
		mapops_jmp_imm(prog, BPF_JNE, BPF_REG_4, ETH_P_IP, "pass") ||
		/* key = ip->protocol, stored as a u32 at r10 - 4 */
		mapops_ldx_mem(prog, BPF_B, BPF_REG_4, BPF_REG_2, IP_PROTO_OFF) ||
		mapops_stx_mem(prog, BPF_W, BPF_REG_10, BPF_REG_4, KEY_OFF) ||
		/* r7 = be16(ip->tot_len): callee-saved, so it survives the
		 * helper calls of the two map operations below */
		mapops_ldx_mem(prog, BPF_H, BPF_REG_7, BPF_REG_2, IP_TOT_LEN_OFF) ||
		mapops_endian(prog, BPF_TO_BE, BPF_REG_7, 16);
}

/*
 * Updates both maps for the key at r10 + KEY_OFF and the length in r7.
 */
static int emit_count(mapops_prog_t *prog, int packets_fd, int bytes_fd)
{
	return
		/* packets[key] += 1, creating the entry if it is new.  The
		 * add is not atomic: fine here, where one CPU runs the tests;
		 * a program attached to a multi-queue NIC would use
		 * mapops_map_increment_atomic() or a per-CPU map instead. */
		mapops_map_increment(prog, packets_fd, KEY_OFF, SCRATCH_OFF, 1) ||
		/* r0 = &bytes[key], inserting the zero at r10 - 16 first if
		 * the key is new */
		mapops_st_mem(prog, BPF_DW, BPF_REG_10, ZERO_OFF, 0) ||
		mapops_map_lookup_or_init(prog, bytes_fd, KEY_OFF, ZERO_OFF) ||
		/* r0 is NULL only if the insert failed; the verifier refuses
		 * the program unless it is checked before the dereference */
		mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "pass") ||
		/* lock *(u64 *)(r0 + 0) += r7 */
		mapops_atomic_op(prog, BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_7, 0);
}

/* The common exit, "pass": return XDP_PASS, whatever the packet was. */
static int emit_pass(mapops_prog_t *prog)
{
	return mapops_label(prog, "pass") ||
	       mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, XDP_PASS) ||
	       mapops_exit(prog);
}

/*
 * Builds the whole program.  Returns the handle (which owns the
 * instructions), or NULL after printing why.
 */
static mapops_prog_t *build_program(int packets_fd, int bytes_fd)
{
	mapops_prog_t *prog = mapops_prog_new();

	if (!prog) {
		perror("mapops_prog_new");
		return NULL;
	}
	if (emit_parse(prog) || emit_count(prog, packets_fd, bytes_fd) ||
	    emit_pass(prog)) {
		fprintf(stderr, "building the program failed: %s\n",
			mapops_prog_error(prog));
		mapops_prog_free(prog);
		return NULL;
	}
	return prog;
}

/* ------------------------------------------------------------------------
 * Loading it
 * ------------------------------------------------------------------------ */

/*
 * Resolves the labels and loads the program.  The first attempt asks for
 * no verifier log (a log buffer that turns out too small makes even a valid
 * program fail with ENOSPC); only after a failure is it loaded again with
 * log_level 1 and a large buffer, to show the verifier's reasons.
 * Returns the program fd, or -1 after printing why.
 */
static int load_program(mapops_prog_t *prog, size_t *slots)
{
	const size_t log_size = 16u << 20;
	struct bpf_prog_load_opts opts;
	const struct bpf_insn *insns;
	char *log;
	int fd;

	/* libbpf's option structs start with their own size; the rest zero
	 * means "default" (what the LIBBPF_OPTS() macro does, in plain C) */
	memset(&opts, 0, sizeof(opts));
	opts.sz = sizeof(opts);
	insns = mapops_prog_insns(prog, slots);
	if (!insns) {
		fprintf(stderr, "mapops_prog_insns: %s\n",
			mapops_prog_error(prog));
		return -1;
	}
	fd = bpf_prog_load(BPF_PROG_TYPE_XDP, "packet_counter", "GPL", insns,
			   *slots, &opts);
	if (fd >= 0)
		return fd;

	fprintf(stderr, "bpf_prog_load: %s\n", strerror(errno));
	log = calloc(1, log_size);
	if (!log)
		return -1;
	opts.log_buf = log;
	opts.log_size = (__u32)log_size;
	opts.log_level = 1;
	fd = bpf_prog_load(BPF_PROG_TYPE_XDP, "packet_counter", "GPL", insns,
			   *slots, &opts);
	if (fd >= 0) { /* cannot happen unless the kernel is inconsistent */
		close(fd);
		fd = -1;
	}
	fprintf(stderr, "verifier log:\n%s\n", log);
	free(log);
	return -1;
}

/* ------------------------------------------------------------------------
 * The test packets
 * ------------------------------------------------------------------------ */

#define MAX_FRAME (ETH_HLEN + 1500)

/* One frame, and how many times in a row it is fed to the program. */
struct test_packet {
	const char *what;
	unsigned char data[MAX_FRAME];
	size_t len;
	unsigned repeat;
};

/* How make_packets() builds each frame. */
struct packet_spec {
	const char *what;
	__u16 ethertype;
	__u8 protocol;      /* IPv4 only */
	__u16 ip_len;       /* IPv4 total length: header + payload */
	unsigned repeat;
	size_t truncate_to; /* if nonzero, cut the frame to this length */
};

static const struct packet_spec specs[] = {
	/* 5 TCP packets */
	{ "TCP SYN", ETH_P_IP, IPPROTO_TCP, 60, 1, 0 },
	{ "TCP full-size segment", ETH_P_IP, IPPROTO_TCP, 1500, 3, 0 },
	{ "TCP ACK", ETH_P_IP, IPPROTO_TCP, 40, 1, 0 },
	/* 3 UDP packets */
	{ "UDP DNS query", ETH_P_IP, IPPROTO_UDP, 71, 2, 0 },
	{ "UDP DNS answer", ETH_P_IP, IPPROTO_UDP, 312, 1, 0 },
	/* 2 ICMP packets */
	{ "ICMP echo request", ETH_P_IP, IPPROTO_ICMP, 84, 1, 0 },
	{ "ICMP echo reply", ETH_P_IP, IPPROTO_ICMP, 84, 1, 0 },
	/* Frames that must not be counted */
	{ "ARP request", ETH_P_ARP, 0, 0, 1, 0 },
	{ "truncated IPv4 (30 bytes)", ETH_P_IP, IPPROTO_UDP, 28, 1, 30 },
};

#define NPACKETS (sizeof(specs) / sizeof(specs[0]))

static void put_be16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* The IPv4 header checksum (RFC 1071) over len bytes. */
static unsigned ip_checksum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

/* Writes a 20-byte IPv4 header from 192.0.2.1 to 198.51.100.7. */
static void put_ipv4_header(unsigned char *ip, __u8 protocol, __u16 ip_len,
			    unsigned id)
{
	static const unsigned char addrs[8] = { 192, 0, 2, 1, 198, 51, 100, 7 };

	ip[0] = 0x45;              /* version 4, header length 5 words */
	ip[1] = 0;                 /* DSCP/ECN */
	put_be16(ip + 2, ip_len);  /* total length */
	put_be16(ip + 4, id);      /* identification */
	put_be16(ip + 6, 0x4000);  /* don't fragment */
	ip[8] = 64;                /* TTL */
	ip[9] = protocol;
	put_be16(ip + 10, 0);
	memcpy(ip + 12, addrs, sizeof(addrs));
	put_be16(ip + 10, ip_checksum(ip, 20));
}

/* Writes an ARP request "who has 192.0.2.2? tell 192.0.2.1" (28 bytes). */
static void put_arp_request(unsigned char *arp)
{
	static const unsigned char body[28] = {
		0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01, /* Ethernet/IPv4, request */
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 192, 0, 2, 1, /* sender */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 192, 0, 2, 2, /* target */
	};

	memcpy(arp, body, sizeof(body));
}

/* Fills pkts[NPACKETS] with the frames described by specs[]. */
static void make_packets(struct test_packet *pkts)
{
	static const unsigned char macs[12] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, /* destination */
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01, /* source */
	};
	size_t i, j;

	for (i = 0; i < NPACKETS; i++) {
		const struct packet_spec *s = &specs[i];
		struct test_packet *p = &pkts[i];

		memset(p, 0, sizeof(*p));
		p->what = s->what;
		p->repeat = s->repeat;
		memcpy(p->data, macs, sizeof(macs));
		put_be16(p->data + ETHERTYPE_OFF, s->ethertype);
		if (s->ethertype == ETH_P_IP) {
			put_ipv4_header(p->data + IP_HDR_OFF, s->protocol,
					s->ip_len, (unsigned)i + 1);
			/* a recognisable payload after the 20-byte header */
			for (j = IP_HDR_OFF + 20; j < ETH_HLEN + (size_t)s->ip_len; j++)
				p->data[j] = (unsigned char)j;
			p->len = ETH_HLEN + (size_t)s->ip_len;
		} else {
			put_arp_request(p->data + ETH_HLEN);
			p->len = ETH_HLEN + 28;
		}
		if (s->truncate_to)
			p->len = s->truncate_to;
	}
}

/* ------------------------------------------------------------------------
 * Running them
 * ------------------------------------------------------------------------ */

/*
 * Feeds every frame to the program with BPF_PROG_TEST_RUN, p->repeat times
 * each (the kernel runs the program repeat times over the same frame).
 * Fails unless every run returned XDP_PASS.  Returns the number of runs, or
 * -1 after printing why.
 */
static long run_batch(int prog_fd, const struct test_packet *pkts, size_t n)
{
	long runs = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char out[2048]; /* the frame as the program left it */
		struct bpf_test_run_opts opts;

		memset(&opts, 0, sizeof(opts));
		opts.sz = sizeof(opts);
		opts.data_in = pkts[i].data;
		opts.data_size_in = (__u32)pkts[i].len;
		opts.data_out = out;
		opts.data_size_out = sizeof(out);
		opts.repeat = (int)pkts[i].repeat;
		if (bpf_prog_test_run_opts(prog_fd, &opts)) {
			fprintf(stderr, "BPF_PROG_TEST_RUN on \"%s\": %s\n",
				pkts[i].what, strerror(errno));
			return -1;
		}
		if (opts.retval != XDP_PASS) {
			fprintf(stderr,
				"\"%s\": the program returned %u, not XDP_PASS (%d)\n",
				pkts[i].what, opts.retval, XDP_PASS);
			return -1;
		}
		runs += pkts[i].repeat;
	}
	return runs;
}

/* ------------------------------------------------------------------------
 * Reading the counters back
 * ------------------------------------------------------------------------ */

/* Counters for one protocol number. */
struct counters {
	bool present;
	__u64 packets;
	__u64 bytes;
};

/*
 * Reads one map into table[MAX_PROTOCOLS], indexed by protocol: walks it
 * with bpf_map_get_next_key() (NULL starts the walk; ENOENT ends it) and
 * fetches every value with bpf_map_lookup_elem().  is_bytes picks the field
 * the values go to.  Returns 0, or -1 after printing why.
 */
static int read_map(int map_fd, const char *name,
		    struct counters *table, bool is_bytes)
{
	__u32 key, next;
	__u32 *prev = NULL;
	__u64 value;

	while (bpf_map_get_next_key(map_fd, prev, &next) == 0) {
		if (next >= MAX_PROTOCOLS) {
			fprintf(stderr, "map %s holds key %u, not a protocol number\n",
				name, next);
			return -1;
		}
		if (bpf_map_lookup_elem(map_fd, &next, &value)) {
			fprintf(stderr, "bpf_map_lookup_elem(%s, %u): %s\n",
				name, next, strerror(errno));
			return -1;
		}
		table[next].present = true;
		if (is_bytes)
			table[next].bytes = value;
		else
			table[next].packets = value;
		key = next;
		prev = &key;
	}
	if (errno != ENOENT) {
		fprintf(stderr, "bpf_map_get_next_key(%s): %s\n", name,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Reads both maps; a protocol is present if either map holds its key. */
static int read_counters(int packets_fd, int bytes_fd, struct counters *table)
{
	memset(table, 0, MAX_PROTOCOLS * sizeof(*table));
	if (read_map(packets_fd, "packets", table, false) ||
	    read_map(bytes_fd, "bytes", table, true))
		return -1;
	return 0;
}

static const char *protocol_name(unsigned protocol)
{
	switch (protocol) {
	case IPPROTO_ICMP: return "ICMP";
	case IPPROTO_TCP: return "TCP";
	case IPPROTO_UDP: return "UDP";
	default: return "other";
	}
}

/* Prints one row per protocol found in the maps, in protocol order. */
static void print_table(const struct counters *table)
{
	unsigned p;

	printf("%-8s %5s %10s %10s\n", "protocol", "num", "packets", "bytes");
	for (p = 0; p < MAX_PROTOCOLS; p++)
		if (table[p].present)
			printf("%-8s %5u %10llu %10llu\n", protocol_name(p), p,
			       (unsigned long long)table[p].packets,
			       (unsigned long long)table[p].bytes);
}

/* ------------------------------------------------------------------------
 * --check: the same counting, done in C
 * ------------------------------------------------------------------------ */

/* Counts the frames exactly as the XDP program is meant to. */
static void expected_counters(const struct test_packet *pkts, size_t n,
			      struct counters *table)
{
	size_t i;

	memset(table, 0, MAX_PROTOCOLS * sizeof(*table));
	for (i = 0; i < n; i++) {
		const unsigned char *d = pkts[i].data;
		unsigned protocol, ip_len;

		if (pkts[i].len < MIN_IPV4_FRAME ||
		    (d[ETHERTYPE_OFF] << 8 | d[ETHERTYPE_OFF + 1]) != ETH_P_IP)
			continue;
		protocol = d[IP_PROTO_OFF];
		ip_len = (unsigned)(d[IP_TOT_LEN_OFF] << 8 | d[IP_TOT_LEN_OFF + 1]);
		table[protocol].present = true;
		table[protocol].packets += pkts[i].repeat;
		table[protocol].bytes += (__u64)ip_len * pkts[i].repeat;
	}
}

/* Returns the number of protocols whose counters differ, printing each. */
static int compare_counters(const struct counters *got,
			    const struct counters *want)
{
	int bad = 0;
	unsigned p;

	for (p = 0; p < MAX_PROTOCOLS; p++) {
		const struct counters *g = &got[p], *w = &want[p];

		if (g->present == w->present && g->packets == w->packets &&
		    g->bytes == w->bytes)
			continue;
		fprintf(stderr,
			"example: protocol %u (%s): maps have %s%llu packets, %llu bytes; expected %s%llu packets, %llu bytes\n",
			p, protocol_name(p), g->present ? "" : "no entry, ",
			(unsigned long long)g->packets,
			(unsigned long long)g->bytes,
			w->present ? "" : "no entry, ",
			(unsigned long long)w->packets,
			(unsigned long long)w->bytes);
		bad++;
	}
	return bad;
}

/* ------------------------------------------------------------------------
 * main
 * ------------------------------------------------------------------------ */

/* True when MAPOPS_REQUIRE_BPF=1: a refused bpf() is then a failure. */
static bool bpf_required(void)
{
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	return req && strcmp(req, "1") == 0;
}

/*
 * Creates a hash map from u32 protocol numbers to u64 counters.  Returns the
 * fd; or -1 after printing why, with *refused set when the kernel does not
 * allow bpf() at all (not root, unprivileged BPF disabled, no BPF syscall).
 */
static int create_map(const char *name, bool *refused)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_HASH, name, sizeof(__u32),
				sizeof(__u64), MAX_PROTOCOLS, NULL);

	if (fd >= 0)
		return fd;
	*refused = errno == EPERM || errno == ENOSYS;
	if (*refused)
		fprintf(stderr,
			"example: %s: the kernel refuses bpf(BPF_MAP_CREATE) (%s); this example needs root (or CAP_BPF) and a kernel with BPF enabled%s\n",
			bpf_required() ? "FAILED" : "skipped", strerror(errno),
			bpf_required() ? " (MAPOPS_REQUIRE_BPF=1)" : "");
	else
		fprintf(stderr, "bpf_map_create(%s): %s\n", name,
			strerror(errno));
	return -1;
}

static void usage(FILE *f, const char *argv0)
{
	fprintf(f,
		"usage: %s [--check]\n"
		"Counts test packets per IPv4 protocol with an XDP program built by libmapops.\n"
		"  --check  also compare the counters with the expected values; exit 1 on a mismatch\n",
		argv0);
}

int main(int argc, char **argv)
{
	static struct test_packet pkts[NPACKETS];
	static struct counters got[MAX_PROTOCOLS], want[MAX_PROTOCOLS];
	int packets_fd = -1, bytes_fd = -1, prog_fd = -1;
	int status = EXIT_FAILURE;
	mapops_prog_t *prog = NULL;
	bool check = false, refused = false;
	size_t slots = 0;
	long runs;

	if (argc == 2 && strcmp(argv[1], "--check") == 0) {
		check = true;
	} else if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
				 strcmp(argv[1], "-h") == 0)) {
		usage(stdout, argv[0]);
		return EXIT_SUCCESS;
	} else if (argc != 1) {
		usage(stderr, argv[0]);
		return 2;
	}

	packets_fd = create_map("packets", &refused);
	if (packets_fd < 0) {
		/* 77 tells meson the test was skipped, not failed */
		status = refused && !bpf_required() ? 77 : EXIT_FAILURE;
		goto out;
	}
	bytes_fd = create_map("bytes", &refused);
	if (bytes_fd < 0)
		goto out;

	prog = build_program(packets_fd, bytes_fd);
	if (!prog)
		goto out;
	prog_fd = load_program(prog, &slots);
	if (prog_fd < 0)
		goto out;
	printf("XDP program: %zu slots, built with libmapops and loaded\n",
	       slots);

	make_packets(pkts);
	runs = run_batch(prog_fd, pkts, NPACKETS);
	if (runs < 0)
		goto out;
	printf("ran %ld test packets (%zu distinct frames) through BPF_PROG_TEST_RUN\n\n",
	       runs, (size_t)NPACKETS);

	if (read_counters(packets_fd, bytes_fd, got))
		goto out;
	print_table(got);

	if (check) {
		expected_counters(pkts, NPACKETS, want);
		if (compare_counters(got, want)) {
			fprintf(stderr, "example: counters DIFFER\n");
			goto out;
		}
		printf("example: counters match\n");
	}
	status = EXIT_SUCCESS;
out:
	if (prog_fd >= 0)
		close(prog_fd);
	mapops_prog_free(prog);
	if (bytes_fd >= 0)
		close(bytes_fd);
	if (packets_fd >= 0)
		close(packets_fd);
	return status;
}
