/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * event-stream: one ring-buffer record per packet, printed as it arrives.
 *
 * A socket filter built with libmapops is attached (SO_ATTACH_BPF) to an
 * AF_PACKET socket on the loopback interface of a private network
 * namespace.  For every packet the kernel delivers to the host, it reserves
 * a 16-byte record in a BPF_MAP_TYPE_RINGBUF map, fills it from the socket
 * buffer and submits it:
 *
 *      struct event { __u64 ns; __u32 len; __u32 protocol; }
 *
 * This program then sends UDP datagrams of growing sizes to 127.0.0.1 and
 * prints each record as libbpf's ring_buffer__poll() hands it over.
 *
 *      event-stream [--check] [COUNT]
 *
 * --check: exit 1 unless exactly COUNT records arrived, each with the
 * length of its datagram (Ethernet + IPv4 + UDP headers + payload).
 * Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel
 * refuses bpf() or namespaces (1 instead if MAPOPS_REQUIRE_BPF=1).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <mapops/mapops.h>

struct event {
	__u64 ns;
	__u32 len;
	__u32 protocol;
};

#define HEADERS (14 + 20 + 8) /* Ethernet, IPv4, UDP */
#define PORT 40404

static int skip_code(void)
{
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	return req && strcmp(req, "1") == 0 ? 1 : 77;
}

/* The socket filter:
 *      r6 = ctx
 *      if skb->pkt_type != PACKET_HOST goto out   (skip our own sends)
 *      r0 = ringbuf_reserve(events, 16); if r0 == 0 goto out
 *      r7 = r0; r0 = ktime_get_ns()
 *      r7->ns = r0; r7->len = skb->len; r7->protocol = skb->protocol
 *      ringbuf_submit(r7)
 * out: return 0 (the socket itself keeps nothing) */
static mapops_prog_t *build(int events)
{
	mapops_prog_t *p = mapops_prog_new();
	int rc = 0;

	if (!p)
		return NULL;
	rc |= mapops_alu64_reg(p, BPF_MOV, BPF_REG_6, BPF_REG_1);
	rc |= mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_6,
			     offsetof(struct __sk_buff, pkt_type));
	rc |= mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, PACKET_HOST, "out");
	rc |= mapops_ringbuf_reserve(p, events, sizeof(struct event));
	rc |= mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "out");
	rc |= mapops_alu64_reg(p, BPF_MOV, BPF_REG_7, BPF_REG_0);
	rc |= mapops_call_helper(p, BPF_FUNC_ktime_get_ns);
	rc |= mapops_stx_mem(p, BPF_DW, BPF_REG_7, BPF_REG_0,
			     offsetof(struct event, ns));
	rc |= mapops_ldx_mem(p, BPF_W, BPF_REG_1, BPF_REG_6,
			     offsetof(struct __sk_buff, len));
	rc |= mapops_stx_mem(p, BPF_W, BPF_REG_7, BPF_REG_1,
			     offsetof(struct event, len));
	rc |= mapops_ldx_mem(p, BPF_W, BPF_REG_1, BPF_REG_6,
			     offsetof(struct __sk_buff, protocol));
	rc |= mapops_stx_mem(p, BPF_W, BPF_REG_7, BPF_REG_1,
			     offsetof(struct event, protocol));
	rc |= mapops_ringbuf_submit(p, BPF_REG_7, 0);
	rc |= mapops_label(p, "out");
	rc |= mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0);
	rc |= mapops_exit(p);
	if (rc) {
		fprintf(stderr, "event-stream: building: %s\n",
			mapops_prog_error(p));
		mapops_prog_free(p);
		return NULL;
	}
	return p;
}

struct reader {
	int got;
	__u64 first_ns;
	__u32 lens[4096];
};

static int on_event(void *ctx, void *data, size_t size)
{
	struct reader *r = ctx;
	const struct event *e = data;

	if (size < sizeof(*e))
		return 0;
	if (!r->got)
		r->first_ns = e->ns;
	if (r->got < 4096)
		r->lens[r->got] = e->len;
	r->got++;
	printf("%4d  +%9.3f us  len %4u  protocol 0x%04x\n", r->got,
	       (double)(e->ns - r->first_ns) / 1000.0, e->len,
	       ntohs((__u16)e->protocol));
	fflush(stdout);
	return 0;
}

/* A private network namespace with its loopback up. */
static int private_loopback(void)
{
	struct ifreq ifr;
	int s;

	if (unshare(CLONE_NEWNET) != 0)
		return -errno;
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) != 0 ||
	    (ifr.ifr_flags |= IFF_UP, ioctl(s, SIOCSIFFLAGS, &ifr) != 0)) {
		int e = -errno;

		close(s);
		return e;
	}
	close(s);
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in to = { .sin_family = AF_INET,
				  .sin_port = htons(PORT) };
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_ALL) };
	static struct reader r;
	struct ring_buffer *rb = NULL;
	mapops_prog_t *prog = NULL;
	int count = 10, events = -1, fd = -1, pkt = -1, udp = -1, sink = -1;
	int i, rc = 1, err;
	bool check = false;
	char buf[1500] = { 0 };

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--check") == 0)
			check = true;
		else if ((count = atoi(argv[i])) <= 0 || count > 1000) {
			fprintf(stderr, "usage: %s [--check] [COUNT 1..1000]\n",
				argv[0]);
			return 2;
		}
	}
	err = private_loopback();
	if (err) {
		fprintf(stderr, "event-stream: no private network namespace: %s\n",
			strerror(-err));
		return skip_code();
	}
	events = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "events", 0, 0, 1 << 16,
				NULL);
	if (events < 0) {
		fprintf(stderr, "event-stream: bpf_map_create: %s\n",
			strerror(errno));
		return skip_code();
	}
	prog = build(events);
	if (!prog)
		goto out;
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	if (fd < 0) {
		fprintf(stderr, "event-stream: load: %s\n", mapops_prog_error(prog));
		goto out;
	}
	/* The packet socket on lo, with the program attached. */
	pkt = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	ll.sll_ifindex = (int)if_nametoindex("lo");
	if (pkt < 0 || setsockopt(pkt, SOL_SOCKET, SO_ATTACH_BPF, &fd,
				  sizeof(fd)) != 0 ||
	    bind(pkt, (struct sockaddr *)&ll, sizeof(ll)) != 0) {
		perror("event-stream: AF_PACKET socket");
		goto out;
	}
	rb = ring_buffer__new(events, on_event, &r, NULL);
	if (!rb) {
		perror("event-stream: ring_buffer__new");
		goto out;
	}
	/* A receiver, so the datagrams are delivered (not refused). */
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sink = socket(AF_INET, SOCK_DGRAM, 0);
	udp = socket(AF_INET, SOCK_DGRAM, 0);
	if (sink < 0 || udp < 0 ||
	    bind(sink, (struct sockaddr *)&to, sizeof(to)) != 0) {
		perror("event-stream: UDP sockets");
		goto out;
	}
	printf("event-stream: %d UDP datagrams to 127.0.0.1:%d; one ring-buffer record per packet:\n",
	       count, PORT);
	for (i = 0; i < count; i++) {
		if (sendto(udp, buf, (size_t)(i + 1) * 10, 0,
			   (struct sockaddr *)&to, sizeof(to)) < 0) {
			perror("event-stream: sendto");
			goto out;
		}
		if (ring_buffer__poll(rb, 100) < 0) {
			fprintf(stderr, "event-stream: ring_buffer__poll failed\n");
			goto out;
		}
	}
	/* Whatever is still in flight. */
	for (i = 0; i < 5 && r.got < count; i++)
		ring_buffer__poll(rb, 100);
	rc = 0;
	if (check) {
		if (r.got != count) {
			fprintf(stderr, "event-stream: %d records, expected %d\n",
				r.got, count);
			rc = 1;
		}
		for (i = 0; i < r.got && i < count; i++)
			if (r.lens[i] != (__u32)(HEADERS + (i + 1) * 10)) {
				fprintf(stderr, "event-stream: record %d: len %u, expected %d\n",
					i + 1, r.lens[i], HEADERS + (i + 1) * 10);
				rc = 1;
			}
		printf("event-stream: %s\n", rc ? "FAILED" : "check passed");
	}
out:
	ring_buffer__free(rb);
	if (sink >= 0)
		close(sink);
	if (udp >= 0)
		close(udp);
	if (pkt >= 0)
		close(pkt);
	if (fd >= 0)
		close(fd);
	mapops_prog_free(prog);
	if (events >= 0)
		close(events);
	return rc;
}
