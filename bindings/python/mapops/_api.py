# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
# Generated from lib/mapops.api by tools/api.py (./run.sh regen): do not edit.
"""The per-function part of the binding of libmapops 1.1.0, generated
from lib/mapops.api (tools/mapops_api/python.py says how).

- The constants, with the values the C compiler gives their expressions in
  <linux/bpf.h> and <mapops/mapops.h>; CONSTANTS lists them.
- PROTOTYPES: every public function, its restype and a Param per argument
  (Int or Text with the Python-side check of the argument's kind, Ptr for a
  pointer the binding fills in); C: those functions, declared.
- class Builders: one method per builder whose arguments are integers and
  text; mapops.Program inherits them.  They call DIRECT, the same functions
  without argtypes, with arguments they have checked and converted
  themselves (see _lib.load_direct).
"""
from ctypes import (POINTER, c_char, c_char_p, c_int, c_int32, c_int64,
                    c_size_t, c_uint, c_uint32, c_uint64, c_void_p)
from typing import Optional, Union

from . import _lib
from ._lib import (PROG_P, Error, Int, Ptr, Text, bpf_insn,
                   mapops_load_opts)

#: A label name: str (encoded as UTF-8) or bytes, no NUL.
Label = Union[str, bytes]


# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------

# registers
R0 = 0  # BPF_REG_0
R1 = 1  # BPF_REG_1
R2 = 2  # BPF_REG_2
R3 = 3  # BPF_REG_3
R4 = 4  # BPF_REG_4
R5 = 5  # BPF_REG_5
R6 = 6  # BPF_REG_6
R7 = 7  # BPF_REG_7
R8 = 8  # BPF_REG_8
R9 = 9  # BPF_REG_9
R10 = 10  # BPF_REG_10

# map update flags
BPF_ANY = 0  # BPF_ANY
BPF_NOEXIST = 1  # BPF_NOEXIST
BPF_EXIST = 2  # BPF_EXIST
BPF_F_LOCK = 4  # BPF_F_LOCK

# ring buffer flags
RB_NO_WAKEUP = 1  # BPF_RB_NO_WAKEUP
RB_FORCE_WAKEUP = 2  # BPF_RB_FORCE_WAKEUP

# perf event output flags
F_CURRENT_CPU = 4294967295  # BPF_F_CURRENT_CPU
F_INDEX_MASK = 4294967295  # BPF_F_INDEX_MASK
F_CTXLEN_MASK = 4503595332403200  # BPF_F_CTXLEN_MASK

# ALU operations
ADD = 0  # BPF_ADD
SUB = 16  # BPF_SUB
MUL = 32  # BPF_MUL
DIV = 48  # BPF_DIV
OR = 64  # BPF_OR
AND = 80  # BPF_AND
LSH = 96  # BPF_LSH
RSH = 112  # BPF_RSH
NEG = 128  # BPF_NEG
MOD = 144  # BPF_MOD
XOR = 160  # BPF_XOR
MOV = 176  # BPF_MOV
ARSH = 192  # BPF_ARSH

# jump operations
JA = 0  # BPF_JA
JEQ = 16  # BPF_JEQ
JGT = 32  # BPF_JGT
JGE = 48  # BPF_JGE
JSET = 64  # BPF_JSET
JNE = 80  # BPF_JNE
JSGT = 96  # BPF_JSGT
JSGE = 112  # BPF_JSGE
JLT = 160  # BPF_JLT
JLE = 176  # BPF_JLE
JSLT = 192  # BPF_JSLT
JSLE = 208  # BPF_JSLE

# memory access sizes
W = 0  # BPF_W
H = 8  # BPF_H
B = 16  # BPF_B
DW = 24  # BPF_DW

# byte swap directions
TO_LE = 0  # BPF_TO_LE
TO_BE = 8  # BPF_TO_BE

# atomic operations
FETCH = 1  # BPF_FETCH
XCHG = 225  # BPF_XCHG
CMPXCHG = 241  # BPF_CMPXCHG

# program types
PROG_TYPE_UNSPEC = 0  # BPF_PROG_TYPE_UNSPEC
PROG_TYPE_SOCKET_FILTER = 1  # BPF_PROG_TYPE_SOCKET_FILTER
PROG_TYPE_KPROBE = 2  # BPF_PROG_TYPE_KPROBE
PROG_TYPE_SCHED_CLS = 3  # BPF_PROG_TYPE_SCHED_CLS
PROG_TYPE_SCHED_ACT = 4  # BPF_PROG_TYPE_SCHED_ACT
PROG_TYPE_TRACEPOINT = 5  # BPF_PROG_TYPE_TRACEPOINT
PROG_TYPE_XDP = 6  # BPF_PROG_TYPE_XDP
PROG_TYPE_PERF_EVENT = 7  # BPF_PROG_TYPE_PERF_EVENT
PROG_TYPE_CGROUP_SKB = 8  # BPF_PROG_TYPE_CGROUP_SKB
PROG_TYPE_CGROUP_SOCK = 9  # BPF_PROG_TYPE_CGROUP_SOCK
PROG_TYPE_LWT_IN = 10  # BPF_PROG_TYPE_LWT_IN
PROG_TYPE_LWT_OUT = 11  # BPF_PROG_TYPE_LWT_OUT
PROG_TYPE_LWT_XMIT = 12  # BPF_PROG_TYPE_LWT_XMIT
PROG_TYPE_SOCK_OPS = 13  # BPF_PROG_TYPE_SOCK_OPS
PROG_TYPE_SK_SKB = 14  # BPF_PROG_TYPE_SK_SKB
PROG_TYPE_CGROUP_DEVICE = 15  # BPF_PROG_TYPE_CGROUP_DEVICE
PROG_TYPE_SK_MSG = 16  # BPF_PROG_TYPE_SK_MSG
PROG_TYPE_RAW_TRACEPOINT = 17  # BPF_PROG_TYPE_RAW_TRACEPOINT
PROG_TYPE_CGROUP_SOCK_ADDR = 18  # BPF_PROG_TYPE_CGROUP_SOCK_ADDR
PROG_TYPE_LWT_SEG6LOCAL = 19  # BPF_PROG_TYPE_LWT_SEG6LOCAL
PROG_TYPE_LIRC_MODE2 = 20  # BPF_PROG_TYPE_LIRC_MODE2
PROG_TYPE_SK_REUSEPORT = 21  # BPF_PROG_TYPE_SK_REUSEPORT
PROG_TYPE_FLOW_DISSECTOR = 22  # BPF_PROG_TYPE_FLOW_DISSECTOR
PROG_TYPE_CGROUP_SYSCTL = 23  # BPF_PROG_TYPE_CGROUP_SYSCTL
PROG_TYPE_RAW_TRACEPOINT_WRITABLE = 24  # BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE
PROG_TYPE_CGROUP_SOCKOPT = 25  # BPF_PROG_TYPE_CGROUP_SOCKOPT
PROG_TYPE_TRACING = 26  # BPF_PROG_TYPE_TRACING
PROG_TYPE_STRUCT_OPS = 27  # BPF_PROG_TYPE_STRUCT_OPS
PROG_TYPE_EXT = 28  # BPF_PROG_TYPE_EXT
PROG_TYPE_LSM = 29  # BPF_PROG_TYPE_LSM
PROG_TYPE_SK_LOOKUP = 30  # BPF_PROG_TYPE_SK_LOOKUP
PROG_TYPE_SYSCALL = 31  # BPF_PROG_TYPE_SYSCALL

# map types
MAP_TYPE_UNSPEC = 0  # BPF_MAP_TYPE_UNSPEC
MAP_TYPE_HASH = 1  # BPF_MAP_TYPE_HASH
MAP_TYPE_ARRAY = 2  # BPF_MAP_TYPE_ARRAY
MAP_TYPE_PROG_ARRAY = 3  # BPF_MAP_TYPE_PROG_ARRAY
MAP_TYPE_PERF_EVENT_ARRAY = 4  # BPF_MAP_TYPE_PERF_EVENT_ARRAY
MAP_TYPE_PERCPU_HASH = 5  # BPF_MAP_TYPE_PERCPU_HASH
MAP_TYPE_PERCPU_ARRAY = 6  # BPF_MAP_TYPE_PERCPU_ARRAY
MAP_TYPE_STACK_TRACE = 7  # BPF_MAP_TYPE_STACK_TRACE
MAP_TYPE_CGROUP_ARRAY = 8  # BPF_MAP_TYPE_CGROUP_ARRAY
MAP_TYPE_LRU_HASH = 9  # BPF_MAP_TYPE_LRU_HASH
MAP_TYPE_LRU_PERCPU_HASH = 10  # BPF_MAP_TYPE_LRU_PERCPU_HASH
MAP_TYPE_LPM_TRIE = 11  # BPF_MAP_TYPE_LPM_TRIE
MAP_TYPE_ARRAY_OF_MAPS = 12  # BPF_MAP_TYPE_ARRAY_OF_MAPS
MAP_TYPE_HASH_OF_MAPS = 13  # BPF_MAP_TYPE_HASH_OF_MAPS
MAP_TYPE_DEVMAP = 14  # BPF_MAP_TYPE_DEVMAP
MAP_TYPE_SOCKMAP = 15  # BPF_MAP_TYPE_SOCKMAP
MAP_TYPE_CPUMAP = 16  # BPF_MAP_TYPE_CPUMAP
MAP_TYPE_XSKMAP = 17  # BPF_MAP_TYPE_XSKMAP
MAP_TYPE_SOCKHASH = 18  # BPF_MAP_TYPE_SOCKHASH
MAP_TYPE_CGROUP_STORAGE = 19  # BPF_MAP_TYPE_CGROUP_STORAGE
MAP_TYPE_REUSEPORT_SOCKARRAY = 20  # BPF_MAP_TYPE_REUSEPORT_SOCKARRAY
MAP_TYPE_PERCPU_CGROUP_STORAGE = 21  # BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE
MAP_TYPE_QUEUE = 22  # BPF_MAP_TYPE_QUEUE
MAP_TYPE_STACK = 23  # BPF_MAP_TYPE_STACK
MAP_TYPE_SK_STORAGE = 24  # BPF_MAP_TYPE_SK_STORAGE
MAP_TYPE_DEVMAP_HASH = 25  # BPF_MAP_TYPE_DEVMAP_HASH
MAP_TYPE_STRUCT_OPS = 26  # BPF_MAP_TYPE_STRUCT_OPS
MAP_TYPE_RINGBUF = 27  # BPF_MAP_TYPE_RINGBUF
MAP_TYPE_INODE_STORAGE = 28  # BPF_MAP_TYPE_INODE_STORAGE
MAP_TYPE_TASK_STORAGE = 29  # BPF_MAP_TYPE_TASK_STORAGE
MAP_TYPE_BLOOM_FILTER = 30  # BPF_MAP_TYPE_BLOOM_FILTER
MAP_TYPE_USER_RINGBUF = 31  # BPF_MAP_TYPE_USER_RINGBUF

# attach types
CGROUP_INET_INGRESS = 0  # BPF_CGROUP_INET_INGRESS
CGROUP_INET_EGRESS = 1  # BPF_CGROUP_INET_EGRESS
CGROUP_INET_SOCK_CREATE = 2  # BPF_CGROUP_INET_SOCK_CREATE
CGROUP_SOCK_OPS = 3  # BPF_CGROUP_SOCK_OPS
SK_SKB_STREAM_PARSER = 4  # BPF_SK_SKB_STREAM_PARSER
SK_SKB_STREAM_VERDICT = 5  # BPF_SK_SKB_STREAM_VERDICT
CGROUP_DEVICE = 6  # BPF_CGROUP_DEVICE
SK_MSG_VERDICT = 7  # BPF_SK_MSG_VERDICT
CGROUP_INET4_BIND = 8  # BPF_CGROUP_INET4_BIND
CGROUP_INET6_BIND = 9  # BPF_CGROUP_INET6_BIND
CGROUP_INET4_CONNECT = 10  # BPF_CGROUP_INET4_CONNECT
CGROUP_INET6_CONNECT = 11  # BPF_CGROUP_INET6_CONNECT
CGROUP_INET4_POST_BIND = 12  # BPF_CGROUP_INET4_POST_BIND
CGROUP_INET6_POST_BIND = 13  # BPF_CGROUP_INET6_POST_BIND
CGROUP_UDP4_SENDMSG = 14  # BPF_CGROUP_UDP4_SENDMSG
CGROUP_UDP6_SENDMSG = 15  # BPF_CGROUP_UDP6_SENDMSG
LIRC_MODE2 = 16  # BPF_LIRC_MODE2
FLOW_DISSECTOR = 17  # BPF_FLOW_DISSECTOR
CGROUP_SYSCTL = 18  # BPF_CGROUP_SYSCTL
CGROUP_UDP4_RECVMSG = 19  # BPF_CGROUP_UDP4_RECVMSG
CGROUP_UDP6_RECVMSG = 20  # BPF_CGROUP_UDP6_RECVMSG
CGROUP_GETSOCKOPT = 21  # BPF_CGROUP_GETSOCKOPT
CGROUP_SETSOCKOPT = 22  # BPF_CGROUP_SETSOCKOPT
TRACE_RAW_TP = 23  # BPF_TRACE_RAW_TP
TRACE_FENTRY = 24  # BPF_TRACE_FENTRY
TRACE_FEXIT = 25  # BPF_TRACE_FEXIT
MODIFY_RETURN = 26  # BPF_MODIFY_RETURN
LSM_MAC = 27  # BPF_LSM_MAC
TRACE_ITER = 28  # BPF_TRACE_ITER
CGROUP_INET4_GETPEERNAME = 29  # BPF_CGROUP_INET4_GETPEERNAME
CGROUP_INET6_GETPEERNAME = 30  # BPF_CGROUP_INET6_GETPEERNAME
CGROUP_INET4_GETSOCKNAME = 31  # BPF_CGROUP_INET4_GETSOCKNAME
CGROUP_INET6_GETSOCKNAME = 32  # BPF_CGROUP_INET6_GETSOCKNAME
XDP_DEVMAP = 33  # BPF_XDP_DEVMAP
CGROUP_INET_SOCK_RELEASE = 34  # BPF_CGROUP_INET_SOCK_RELEASE
XDP_CPUMAP = 35  # BPF_XDP_CPUMAP
SK_LOOKUP = 36  # BPF_SK_LOOKUP
XDP = 37  # BPF_XDP
SK_SKB_VERDICT = 38  # BPF_SK_SKB_VERDICT
SK_REUSEPORT_SELECT = 39  # BPF_SK_REUSEPORT_SELECT
SK_REUSEPORT_SELECT_OR_MIGRATE = 40  # BPF_SK_REUSEPORT_SELECT_OR_MIGRATE
PERF_EVENT = 41  # BPF_PERF_EVENT
TRACE_KPROBE_MULTI = 42  # BPF_TRACE_KPROBE_MULTI
LSM_CGROUP = 43  # BPF_LSM_CGROUP

# helper function ids
FUNC_MAP_LOOKUP_ELEM = 1  # BPF_FUNC_map_lookup_elem
FUNC_MAP_UPDATE_ELEM = 2  # BPF_FUNC_map_update_elem
FUNC_MAP_DELETE_ELEM = 3  # BPF_FUNC_map_delete_elem
FUNC_PROBE_READ = 4  # BPF_FUNC_probe_read
FUNC_KTIME_GET_NS = 5  # BPF_FUNC_ktime_get_ns
FUNC_TRACE_PRINTK = 6  # BPF_FUNC_trace_printk
FUNC_GET_PRANDOM_U32 = 7  # BPF_FUNC_get_prandom_u32
FUNC_GET_SMP_PROCESSOR_ID = 8  # BPF_FUNC_get_smp_processor_id
FUNC_SKB_STORE_BYTES = 9  # BPF_FUNC_skb_store_bytes
FUNC_L3_CSUM_REPLACE = 10  # BPF_FUNC_l3_csum_replace
FUNC_L4_CSUM_REPLACE = 11  # BPF_FUNC_l4_csum_replace
FUNC_TAIL_CALL = 12  # BPF_FUNC_tail_call
FUNC_CLONE_REDIRECT = 13  # BPF_FUNC_clone_redirect
FUNC_GET_CURRENT_PID_TGID = 14  # BPF_FUNC_get_current_pid_tgid
FUNC_GET_CURRENT_UID_GID = 15  # BPF_FUNC_get_current_uid_gid
FUNC_GET_CURRENT_COMM = 16  # BPF_FUNC_get_current_comm
FUNC_GET_CGROUP_CLASSID = 17  # BPF_FUNC_get_cgroup_classid
FUNC_SKB_VLAN_PUSH = 18  # BPF_FUNC_skb_vlan_push
FUNC_SKB_VLAN_POP = 19  # BPF_FUNC_skb_vlan_pop
FUNC_SKB_GET_TUNNEL_KEY = 20  # BPF_FUNC_skb_get_tunnel_key
FUNC_SKB_SET_TUNNEL_KEY = 21  # BPF_FUNC_skb_set_tunnel_key
FUNC_PERF_EVENT_READ = 22  # BPF_FUNC_perf_event_read
FUNC_REDIRECT = 23  # BPF_FUNC_redirect
FUNC_GET_ROUTE_REALM = 24  # BPF_FUNC_get_route_realm
FUNC_PERF_EVENT_OUTPUT = 25  # BPF_FUNC_perf_event_output
FUNC_SKB_LOAD_BYTES = 26  # BPF_FUNC_skb_load_bytes
FUNC_GET_STACKID = 27  # BPF_FUNC_get_stackid
FUNC_CSUM_DIFF = 28  # BPF_FUNC_csum_diff
FUNC_SKB_GET_TUNNEL_OPT = 29  # BPF_FUNC_skb_get_tunnel_opt
FUNC_SKB_SET_TUNNEL_OPT = 30  # BPF_FUNC_skb_set_tunnel_opt
FUNC_SKB_CHANGE_PROTO = 31  # BPF_FUNC_skb_change_proto
FUNC_SKB_CHANGE_TYPE = 32  # BPF_FUNC_skb_change_type
FUNC_SKB_UNDER_CGROUP = 33  # BPF_FUNC_skb_under_cgroup
FUNC_GET_HASH_RECALC = 34  # BPF_FUNC_get_hash_recalc
FUNC_GET_CURRENT_TASK = 35  # BPF_FUNC_get_current_task
FUNC_PROBE_WRITE_USER = 36  # BPF_FUNC_probe_write_user
FUNC_CURRENT_TASK_UNDER_CGROUP = 37  # BPF_FUNC_current_task_under_cgroup
FUNC_SKB_CHANGE_TAIL = 38  # BPF_FUNC_skb_change_tail
FUNC_SKB_PULL_DATA = 39  # BPF_FUNC_skb_pull_data
FUNC_CSUM_UPDATE = 40  # BPF_FUNC_csum_update
FUNC_SET_HASH_INVALID = 41  # BPF_FUNC_set_hash_invalid
FUNC_GET_NUMA_NODE_ID = 42  # BPF_FUNC_get_numa_node_id
FUNC_SKB_CHANGE_HEAD = 43  # BPF_FUNC_skb_change_head
FUNC_XDP_ADJUST_HEAD = 44  # BPF_FUNC_xdp_adjust_head
FUNC_PROBE_READ_STR = 45  # BPF_FUNC_probe_read_str
FUNC_GET_SOCKET_COOKIE = 46  # BPF_FUNC_get_socket_cookie
FUNC_GET_SOCKET_UID = 47  # BPF_FUNC_get_socket_uid
FUNC_SET_HASH = 48  # BPF_FUNC_set_hash
FUNC_SETSOCKOPT = 49  # BPF_FUNC_setsockopt
FUNC_SKB_ADJUST_ROOM = 50  # BPF_FUNC_skb_adjust_room
FUNC_REDIRECT_MAP = 51  # BPF_FUNC_redirect_map
FUNC_SK_REDIRECT_MAP = 52  # BPF_FUNC_sk_redirect_map
FUNC_SOCK_MAP_UPDATE = 53  # BPF_FUNC_sock_map_update
FUNC_XDP_ADJUST_META = 54  # BPF_FUNC_xdp_adjust_meta
FUNC_PERF_EVENT_READ_VALUE = 55  # BPF_FUNC_perf_event_read_value
FUNC_PERF_PROG_READ_VALUE = 56  # BPF_FUNC_perf_prog_read_value
FUNC_GETSOCKOPT = 57  # BPF_FUNC_getsockopt
FUNC_OVERRIDE_RETURN = 58  # BPF_FUNC_override_return
FUNC_SOCK_OPS_CB_FLAGS_SET = 59  # BPF_FUNC_sock_ops_cb_flags_set
FUNC_MSG_REDIRECT_MAP = 60  # BPF_FUNC_msg_redirect_map
FUNC_MSG_APPLY_BYTES = 61  # BPF_FUNC_msg_apply_bytes
FUNC_MSG_CORK_BYTES = 62  # BPF_FUNC_msg_cork_bytes
FUNC_MSG_PULL_DATA = 63  # BPF_FUNC_msg_pull_data
FUNC_BIND = 64  # BPF_FUNC_bind
FUNC_XDP_ADJUST_TAIL = 65  # BPF_FUNC_xdp_adjust_tail
FUNC_SKB_GET_XFRM_STATE = 66  # BPF_FUNC_skb_get_xfrm_state
FUNC_GET_STACK = 67  # BPF_FUNC_get_stack
FUNC_SKB_LOAD_BYTES_RELATIVE = 68  # BPF_FUNC_skb_load_bytes_relative
FUNC_FIB_LOOKUP = 69  # BPF_FUNC_fib_lookup
FUNC_SOCK_HASH_UPDATE = 70  # BPF_FUNC_sock_hash_update
FUNC_MSG_REDIRECT_HASH = 71  # BPF_FUNC_msg_redirect_hash
FUNC_SK_REDIRECT_HASH = 72  # BPF_FUNC_sk_redirect_hash
FUNC_LWT_PUSH_ENCAP = 73  # BPF_FUNC_lwt_push_encap
FUNC_LWT_SEG6_STORE_BYTES = 74  # BPF_FUNC_lwt_seg6_store_bytes
FUNC_LWT_SEG6_ADJUST_SRH = 75  # BPF_FUNC_lwt_seg6_adjust_srh
FUNC_LWT_SEG6_ACTION = 76  # BPF_FUNC_lwt_seg6_action
FUNC_RC_REPEAT = 77  # BPF_FUNC_rc_repeat
FUNC_RC_KEYDOWN = 78  # BPF_FUNC_rc_keydown
FUNC_SKB_CGROUP_ID = 79  # BPF_FUNC_skb_cgroup_id
FUNC_GET_CURRENT_CGROUP_ID = 80  # BPF_FUNC_get_current_cgroup_id
FUNC_GET_LOCAL_STORAGE = 81  # BPF_FUNC_get_local_storage
FUNC_SK_SELECT_REUSEPORT = 82  # BPF_FUNC_sk_select_reuseport
FUNC_SKB_ANCESTOR_CGROUP_ID = 83  # BPF_FUNC_skb_ancestor_cgroup_id
FUNC_SK_LOOKUP_TCP = 84  # BPF_FUNC_sk_lookup_tcp
FUNC_SK_LOOKUP_UDP = 85  # BPF_FUNC_sk_lookup_udp
FUNC_SK_RELEASE = 86  # BPF_FUNC_sk_release
FUNC_MAP_PUSH_ELEM = 87  # BPF_FUNC_map_push_elem
FUNC_MAP_POP_ELEM = 88  # BPF_FUNC_map_pop_elem
FUNC_MAP_PEEK_ELEM = 89  # BPF_FUNC_map_peek_elem
FUNC_MSG_PUSH_DATA = 90  # BPF_FUNC_msg_push_data
FUNC_MSG_POP_DATA = 91  # BPF_FUNC_msg_pop_data
FUNC_RC_POINTER_REL = 92  # BPF_FUNC_rc_pointer_rel
FUNC_SPIN_LOCK = 93  # BPF_FUNC_spin_lock
FUNC_SPIN_UNLOCK = 94  # BPF_FUNC_spin_unlock
FUNC_SK_FULLSOCK = 95  # BPF_FUNC_sk_fullsock
FUNC_TCP_SOCK = 96  # BPF_FUNC_tcp_sock
FUNC_SKB_ECN_SET_CE = 97  # BPF_FUNC_skb_ecn_set_ce
FUNC_GET_LISTENER_SOCK = 98  # BPF_FUNC_get_listener_sock
FUNC_SKC_LOOKUP_TCP = 99  # BPF_FUNC_skc_lookup_tcp
FUNC_TCP_CHECK_SYNCOOKIE = 100  # BPF_FUNC_tcp_check_syncookie
FUNC_SYSCTL_GET_NAME = 101  # BPF_FUNC_sysctl_get_name
FUNC_SYSCTL_GET_CURRENT_VALUE = 102  # BPF_FUNC_sysctl_get_current_value
FUNC_SYSCTL_GET_NEW_VALUE = 103  # BPF_FUNC_sysctl_get_new_value
FUNC_SYSCTL_SET_NEW_VALUE = 104  # BPF_FUNC_sysctl_set_new_value
FUNC_STRTOL = 105  # BPF_FUNC_strtol
FUNC_STRTOUL = 106  # BPF_FUNC_strtoul
FUNC_SK_STORAGE_GET = 107  # BPF_FUNC_sk_storage_get
FUNC_SK_STORAGE_DELETE = 108  # BPF_FUNC_sk_storage_delete
FUNC_SEND_SIGNAL = 109  # BPF_FUNC_send_signal
FUNC_TCP_GEN_SYNCOOKIE = 110  # BPF_FUNC_tcp_gen_syncookie
FUNC_SKB_OUTPUT = 111  # BPF_FUNC_skb_output
FUNC_PROBE_READ_USER = 112  # BPF_FUNC_probe_read_user
FUNC_PROBE_READ_KERNEL = 113  # BPF_FUNC_probe_read_kernel
FUNC_PROBE_READ_USER_STR = 114  # BPF_FUNC_probe_read_user_str
FUNC_PROBE_READ_KERNEL_STR = 115  # BPF_FUNC_probe_read_kernel_str
FUNC_TCP_SEND_ACK = 116  # BPF_FUNC_tcp_send_ack
FUNC_SEND_SIGNAL_THREAD = 117  # BPF_FUNC_send_signal_thread
FUNC_JIFFIES64 = 118  # BPF_FUNC_jiffies64
FUNC_READ_BRANCH_RECORDS = 119  # BPF_FUNC_read_branch_records
FUNC_GET_NS_CURRENT_PID_TGID = 120  # BPF_FUNC_get_ns_current_pid_tgid
FUNC_XDP_OUTPUT = 121  # BPF_FUNC_xdp_output
FUNC_GET_NETNS_COOKIE = 122  # BPF_FUNC_get_netns_cookie
FUNC_GET_CURRENT_ANCESTOR_CGROUP_ID = 123  # BPF_FUNC_get_current_ancestor_cgroup_id
FUNC_SK_ASSIGN = 124  # BPF_FUNC_sk_assign
FUNC_KTIME_GET_BOOT_NS = 125  # BPF_FUNC_ktime_get_boot_ns
FUNC_SEQ_PRINTF = 126  # BPF_FUNC_seq_printf
FUNC_SEQ_WRITE = 127  # BPF_FUNC_seq_write
FUNC_SK_CGROUP_ID = 128  # BPF_FUNC_sk_cgroup_id
FUNC_SK_ANCESTOR_CGROUP_ID = 129  # BPF_FUNC_sk_ancestor_cgroup_id
FUNC_RINGBUF_OUTPUT = 130  # BPF_FUNC_ringbuf_output
FUNC_RINGBUF_RESERVE = 131  # BPF_FUNC_ringbuf_reserve
FUNC_RINGBUF_SUBMIT = 132  # BPF_FUNC_ringbuf_submit
FUNC_RINGBUF_DISCARD = 133  # BPF_FUNC_ringbuf_discard
FUNC_RINGBUF_QUERY = 134  # BPF_FUNC_ringbuf_query
FUNC_CSUM_LEVEL = 135  # BPF_FUNC_csum_level
FUNC_SKC_TO_TCP6_SOCK = 136  # BPF_FUNC_skc_to_tcp6_sock
FUNC_SKC_TO_TCP_SOCK = 137  # BPF_FUNC_skc_to_tcp_sock
FUNC_SKC_TO_TCP_TIMEWAIT_SOCK = 138  # BPF_FUNC_skc_to_tcp_timewait_sock
FUNC_SKC_TO_TCP_REQUEST_SOCK = 139  # BPF_FUNC_skc_to_tcp_request_sock
FUNC_SKC_TO_UDP6_SOCK = 140  # BPF_FUNC_skc_to_udp6_sock
FUNC_GET_TASK_STACK = 141  # BPF_FUNC_get_task_stack
FUNC_LOAD_HDR_OPT = 142  # BPF_FUNC_load_hdr_opt
FUNC_STORE_HDR_OPT = 143  # BPF_FUNC_store_hdr_opt
FUNC_RESERVE_HDR_OPT = 144  # BPF_FUNC_reserve_hdr_opt
FUNC_INODE_STORAGE_GET = 145  # BPF_FUNC_inode_storage_get
FUNC_INODE_STORAGE_DELETE = 146  # BPF_FUNC_inode_storage_delete
FUNC_D_PATH = 147  # BPF_FUNC_d_path
FUNC_COPY_FROM_USER = 148  # BPF_FUNC_copy_from_user
FUNC_SNPRINTF_BTF = 149  # BPF_FUNC_snprintf_btf
FUNC_SEQ_PRINTF_BTF = 150  # BPF_FUNC_seq_printf_btf
FUNC_SKB_CGROUP_CLASSID = 151  # BPF_FUNC_skb_cgroup_classid
FUNC_REDIRECT_NEIGH = 152  # BPF_FUNC_redirect_neigh
FUNC_PER_CPU_PTR = 153  # BPF_FUNC_per_cpu_ptr
FUNC_THIS_CPU_PTR = 154  # BPF_FUNC_this_cpu_ptr
FUNC_REDIRECT_PEER = 155  # BPF_FUNC_redirect_peer
FUNC_TASK_STORAGE_GET = 156  # BPF_FUNC_task_storage_get
FUNC_TASK_STORAGE_DELETE = 157  # BPF_FUNC_task_storage_delete
FUNC_GET_CURRENT_TASK_BTF = 158  # BPF_FUNC_get_current_task_btf
FUNC_BPRM_OPTS_SET = 159  # BPF_FUNC_bprm_opts_set
FUNC_KTIME_GET_COARSE_NS = 160  # BPF_FUNC_ktime_get_coarse_ns
FUNC_IMA_INODE_HASH = 161  # BPF_FUNC_ima_inode_hash
FUNC_SOCK_FROM_FILE = 162  # BPF_FUNC_sock_from_file
FUNC_CHECK_MTU = 163  # BPF_FUNC_check_mtu
FUNC_FOR_EACH_MAP_ELEM = 164  # BPF_FUNC_for_each_map_elem
FUNC_SNPRINTF = 165  # BPF_FUNC_snprintf
FUNC_SYS_BPF = 166  # BPF_FUNC_sys_bpf
FUNC_BTF_FIND_BY_NAME_KIND = 167  # BPF_FUNC_btf_find_by_name_kind
FUNC_SYS_CLOSE = 168  # BPF_FUNC_sys_close
FUNC_TIMER_INIT = 169  # BPF_FUNC_timer_init
FUNC_TIMER_SET_CALLBACK = 170  # BPF_FUNC_timer_set_callback
FUNC_TIMER_START = 171  # BPF_FUNC_timer_start
FUNC_TIMER_CANCEL = 172  # BPF_FUNC_timer_cancel
FUNC_GET_FUNC_IP = 173  # BPF_FUNC_get_func_ip
FUNC_GET_ATTACH_COOKIE = 174  # BPF_FUNC_get_attach_cookie
FUNC_TASK_PT_REGS = 175  # BPF_FUNC_task_pt_regs
FUNC_GET_BRANCH_SNAPSHOT = 176  # BPF_FUNC_get_branch_snapshot
FUNC_TRACE_VPRINTK = 177  # BPF_FUNC_trace_vprintk
FUNC_SKC_TO_UNIX_SOCK = 178  # BPF_FUNC_skc_to_unix_sock
FUNC_KALLSYMS_LOOKUP_NAME = 179  # BPF_FUNC_kallsyms_lookup_name
FUNC_FIND_VMA = 180  # BPF_FUNC_find_vma
FUNC_LOOP = 181  # BPF_FUNC_loop
FUNC_STRNCMP = 182  # BPF_FUNC_strncmp
FUNC_GET_FUNC_ARG = 183  # BPF_FUNC_get_func_arg
FUNC_GET_FUNC_RET = 184  # BPF_FUNC_get_func_ret
FUNC_GET_FUNC_ARG_CNT = 185  # BPF_FUNC_get_func_arg_cnt
FUNC_GET_RETVAL = 186  # BPF_FUNC_get_retval
FUNC_SET_RETVAL = 187  # BPF_FUNC_set_retval
FUNC_XDP_GET_BUFF_LEN = 188  # BPF_FUNC_xdp_get_buff_len
FUNC_XDP_LOAD_BYTES = 189  # BPF_FUNC_xdp_load_bytes
FUNC_XDP_STORE_BYTES = 190  # BPF_FUNC_xdp_store_bytes
FUNC_COPY_FROM_USER_TASK = 191  # BPF_FUNC_copy_from_user_task
FUNC_SKB_SET_TSTAMP = 192  # BPF_FUNC_skb_set_tstamp
FUNC_IMA_FILE_HASH = 193  # BPF_FUNC_ima_file_hash
FUNC_KPTR_XCHG = 194  # BPF_FUNC_kptr_xchg
FUNC_MAP_LOOKUP_PERCPU_ELEM = 195  # BPF_FUNC_map_lookup_percpu_elem
FUNC_SKC_TO_MPTCP_SOCK = 196  # BPF_FUNC_skc_to_mptcp_sock
FUNC_DYNPTR_FROM_MEM = 197  # BPF_FUNC_dynptr_from_mem
FUNC_RINGBUF_RESERVE_DYNPTR = 198  # BPF_FUNC_ringbuf_reserve_dynptr
FUNC_RINGBUF_SUBMIT_DYNPTR = 199  # BPF_FUNC_ringbuf_submit_dynptr
FUNC_RINGBUF_DISCARD_DYNPTR = 200  # BPF_FUNC_ringbuf_discard_dynptr
FUNC_DYNPTR_READ = 201  # BPF_FUNC_dynptr_read
FUNC_DYNPTR_WRITE = 202  # BPF_FUNC_dynptr_write
FUNC_DYNPTR_DATA = 203  # BPF_FUNC_dynptr_data
FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV4 = 204  # BPF_FUNC_tcp_raw_gen_syncookie_ipv4
FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV6 = 205  # BPF_FUNC_tcp_raw_gen_syncookie_ipv6
FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV4 = 206  # BPF_FUNC_tcp_raw_check_syncookie_ipv4
FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV6 = 207  # BPF_FUNC_tcp_raw_check_syncookie_ipv6
FUNC_KTIME_GET_TAI_NS = 208  # BPF_FUNC_ktime_get_tai_ns
FUNC_USER_RINGBUF_DRAIN = 209  # BPF_FUNC_user_ringbuf_drain

# XDP actions
XDP_ABORTED = 0  # XDP_ABORTED
XDP_DROP = 1  # XDP_DROP
XDP_PASS = 2  # XDP_PASS
XDP_TX = 3  # XDP_TX
XDP_REDIRECT = 4  # XDP_REDIRECT

# tc actions
TC_ACT_UNSPEC = -1  # TC_ACT_UNSPEC
TC_ACT_OK = 0  # TC_ACT_OK
TC_ACT_RECLASSIFY = 1  # TC_ACT_RECLASSIFY
TC_ACT_SHOT = 2  # TC_ACT_SHOT
TC_ACT_PIPE = 3  # TC_ACT_PIPE
TC_ACT_STOLEN = 4  # TC_ACT_STOLEN
TC_ACT_QUEUED = 5  # TC_ACT_QUEUED
TC_ACT_REPEAT = 6  # TC_ACT_REPEAT
TC_ACT_REDIRECT = 7  # TC_ACT_REDIRECT
TC_ACT_TRAP = 8  # TC_ACT_TRAP
TC_ACT_VALUE_MAX = 8  # TC_ACT_VALUE_MAX
TC_ACT_EXT_VAL_MASK = 268435455  # TC_ACT_EXT_VAL_MASK
TC_ACT_JUMP = 268435456  # TC_ACT_JUMP
TC_ACT_GOTO_CHAIN = 536870912  # TC_ACT_GOTO_CHAIN
TC_ACT_EXT_OPCODE_MAX = 536870912  # TC_ACT_EXT_OPCODE_MAX

# program load flags
F_SLEEPABLE = 16  # BPF_F_SLEEPABLE

# context offsets: struct xdp_md
XDP_MD_DATA = 0  # offsetof(struct xdp_md, data)
XDP_MD_DATA_END = 4  # offsetof(struct xdp_md, data_end)
XDP_MD_DATA_META = 8  # offsetof(struct xdp_md, data_meta)
XDP_MD_INGRESS_IFINDEX = 12  # offsetof(struct xdp_md, ingress_ifindex)
XDP_MD_RX_QUEUE_INDEX = 16  # offsetof(struct xdp_md, rx_queue_index)
XDP_MD_EGRESS_IFINDEX = 20  # offsetof(struct xdp_md, egress_ifindex)

# context offsets: struct __sk_buff
SK_BUFF_LEN = 0  # offsetof(struct __sk_buff, len)
SK_BUFF_PKT_TYPE = 4  # offsetof(struct __sk_buff, pkt_type)
SK_BUFF_MARK = 8  # offsetof(struct __sk_buff, mark)
SK_BUFF_QUEUE_MAPPING = 12  # offsetof(struct __sk_buff, queue_mapping)
SK_BUFF_PROTOCOL = 16  # offsetof(struct __sk_buff, protocol)
SK_BUFF_VLAN_PRESENT = 20  # offsetof(struct __sk_buff, vlan_present)
SK_BUFF_VLAN_TCI = 24  # offsetof(struct __sk_buff, vlan_tci)
SK_BUFF_VLAN_PROTO = 28  # offsetof(struct __sk_buff, vlan_proto)
SK_BUFF_PRIORITY = 32  # offsetof(struct __sk_buff, priority)
SK_BUFF_INGRESS_IFINDEX = 36  # offsetof(struct __sk_buff, ingress_ifindex)
SK_BUFF_IFINDEX = 40  # offsetof(struct __sk_buff, ifindex)
SK_BUFF_TC_INDEX = 44  # offsetof(struct __sk_buff, tc_index)
SK_BUFF_CB = 48  # offsetof(struct __sk_buff, cb)
SK_BUFF_HASH = 68  # offsetof(struct __sk_buff, hash)
SK_BUFF_TC_CLASSID = 72  # offsetof(struct __sk_buff, tc_classid)
SK_BUFF_DATA = 76  # offsetof(struct __sk_buff, data)
SK_BUFF_DATA_END = 80  # offsetof(struct __sk_buff, data_end)
SK_BUFF_NAPI_ID = 84  # offsetof(struct __sk_buff, napi_id)
SK_BUFF_FAMILY = 88  # offsetof(struct __sk_buff, family)
SK_BUFF_REMOTE_IP4 = 92  # offsetof(struct __sk_buff, remote_ip4)
SK_BUFF_LOCAL_IP4 = 96  # offsetof(struct __sk_buff, local_ip4)
SK_BUFF_REMOTE_IP6 = 100  # offsetof(struct __sk_buff, remote_ip6)
SK_BUFF_LOCAL_IP6 = 116  # offsetof(struct __sk_buff, local_ip6)
SK_BUFF_REMOTE_PORT = 132  # offsetof(struct __sk_buff, remote_port)
SK_BUFF_LOCAL_PORT = 136  # offsetof(struct __sk_buff, local_port)
SK_BUFF_DATA_META = 140  # offsetof(struct __sk_buff, data_meta)
SK_BUFF_FLOW_KEYS = 144  # offsetof(struct __sk_buff, flow_keys)
SK_BUFF_TSTAMP = 152  # offsetof(struct __sk_buff, tstamp)
SK_BUFF_WIRE_LEN = 160  # offsetof(struct __sk_buff, wire_len)
SK_BUFF_GSO_SEGS = 164  # offsetof(struct __sk_buff, gso_segs)
SK_BUFF_SK = 168  # offsetof(struct __sk_buff, sk)
SK_BUFF_GSO_SIZE = 176  # offsetof(struct __sk_buff, gso_size)
SK_BUFF_TSTAMP_TYPE = 180  # offsetof(struct __sk_buff, tstamp_type)
SK_BUFF_HWTSTAMP = 184  # offsetof(struct __sk_buff, hwtstamp)

# context offsets: struct bpf_sock
BPF_SOCK_BOUND_DEV_IF = 0  # offsetof(struct bpf_sock, bound_dev_if)
BPF_SOCK_FAMILY = 4  # offsetof(struct bpf_sock, family)
BPF_SOCK_TYPE = 8  # offsetof(struct bpf_sock, type)
BPF_SOCK_PROTOCOL = 12  # offsetof(struct bpf_sock, protocol)
BPF_SOCK_MARK = 16  # offsetof(struct bpf_sock, mark)
BPF_SOCK_PRIORITY = 20  # offsetof(struct bpf_sock, priority)
BPF_SOCK_SRC_IP4 = 24  # offsetof(struct bpf_sock, src_ip4)
BPF_SOCK_SRC_IP6 = 28  # offsetof(struct bpf_sock, src_ip6)
BPF_SOCK_SRC_PORT = 44  # offsetof(struct bpf_sock, src_port)
BPF_SOCK_DST_PORT = 48  # offsetof(struct bpf_sock, dst_port)
BPF_SOCK_DST_IP4 = 52  # offsetof(struct bpf_sock, dst_ip4)
BPF_SOCK_DST_IP6 = 56  # offsetof(struct bpf_sock, dst_ip6)
BPF_SOCK_STATE = 72  # offsetof(struct bpf_sock, state)
BPF_SOCK_RX_QUEUE_MAPPING = 76  # offsetof(struct bpf_sock, rx_queue_mapping)

# context offsets: struct bpf_sock_addr
SOCK_ADDR_USER_FAMILY = 0  # offsetof(struct bpf_sock_addr, user_family)
SOCK_ADDR_USER_IP4 = 4  # offsetof(struct bpf_sock_addr, user_ip4)
SOCK_ADDR_USER_IP6 = 8  # offsetof(struct bpf_sock_addr, user_ip6)
SOCK_ADDR_USER_PORT = 24  # offsetof(struct bpf_sock_addr, user_port)
SOCK_ADDR_FAMILY = 28  # offsetof(struct bpf_sock_addr, family)
SOCK_ADDR_TYPE = 32  # offsetof(struct bpf_sock_addr, type)
SOCK_ADDR_PROTOCOL = 36  # offsetof(struct bpf_sock_addr, protocol)
SOCK_ADDR_MSG_SRC_IP4 = 40  # offsetof(struct bpf_sock_addr, msg_src_ip4)
SOCK_ADDR_MSG_SRC_IP6 = 44  # offsetof(struct bpf_sock_addr, msg_src_ip6)
SOCK_ADDR_SK = 64  # offsetof(struct bpf_sock_addr, sk)

# context offsets: struct sk_msg_md
SK_MSG_MD_DATA = 0  # offsetof(struct sk_msg_md, data)
SK_MSG_MD_DATA_END = 8  # offsetof(struct sk_msg_md, data_end)
SK_MSG_MD_FAMILY = 16  # offsetof(struct sk_msg_md, family)
SK_MSG_MD_REMOTE_IP4 = 20  # offsetof(struct sk_msg_md, remote_ip4)
SK_MSG_MD_LOCAL_IP4 = 24  # offsetof(struct sk_msg_md, local_ip4)
SK_MSG_MD_REMOTE_IP6 = 28  # offsetof(struct sk_msg_md, remote_ip6)
SK_MSG_MD_LOCAL_IP6 = 44  # offsetof(struct sk_msg_md, local_ip6)
SK_MSG_MD_REMOTE_PORT = 60  # offsetof(struct sk_msg_md, remote_port)
SK_MSG_MD_LOCAL_PORT = 64  # offsetof(struct sk_msg_md, local_port)
SK_MSG_MD_SIZE = 68  # offsetof(struct sk_msg_md, size)
SK_MSG_MD_SK = 72  # offsetof(struct sk_msg_md, sk)

# limits and slot counts of <mapops/mapops.h>
MAX_INSNS = 1000000  # MAPOPS_MAX_INSNS
STACK_SIZE = 512  # MAPOPS_STACK_SIZE
LABEL_MAX = 255  # MAPOPS_LABEL_MAX
TAG_MAX = 255  # MAPOPS_TAG_MAX
MAP_LOOKUP_SLOTS = 5  # MAPOPS_MAP_LOOKUP_SLOTS
MAP_UPDATE_SLOTS = 8  # MAPOPS_MAP_UPDATE_SLOTS
MAP_DELETE_SLOTS = 5  # MAPOPS_MAP_DELETE_SLOTS
MAP_LOOKUP_OR_INIT_SLOTS = 19  # MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS

#: Every constant above: (name, the C expression of its value).
CONSTANTS = (
    ('R0', 'BPF_REG_0'),
    ('R1', 'BPF_REG_1'),
    ('R2', 'BPF_REG_2'),
    ('R3', 'BPF_REG_3'),
    ('R4', 'BPF_REG_4'),
    ('R5', 'BPF_REG_5'),
    ('R6', 'BPF_REG_6'),
    ('R7', 'BPF_REG_7'),
    ('R8', 'BPF_REG_8'),
    ('R9', 'BPF_REG_9'),
    ('R10', 'BPF_REG_10'),
    ('BPF_ANY', 'BPF_ANY'),
    ('BPF_NOEXIST', 'BPF_NOEXIST'),
    ('BPF_EXIST', 'BPF_EXIST'),
    ('BPF_F_LOCK', 'BPF_F_LOCK'),
    ('RB_NO_WAKEUP', 'BPF_RB_NO_WAKEUP'),
    ('RB_FORCE_WAKEUP', 'BPF_RB_FORCE_WAKEUP'),
    ('F_CURRENT_CPU', 'BPF_F_CURRENT_CPU'),
    ('F_INDEX_MASK', 'BPF_F_INDEX_MASK'),
    ('F_CTXLEN_MASK', 'BPF_F_CTXLEN_MASK'),
    ('ADD', 'BPF_ADD'),
    ('SUB', 'BPF_SUB'),
    ('MUL', 'BPF_MUL'),
    ('DIV', 'BPF_DIV'),
    ('OR', 'BPF_OR'),
    ('AND', 'BPF_AND'),
    ('LSH', 'BPF_LSH'),
    ('RSH', 'BPF_RSH'),
    ('NEG', 'BPF_NEG'),
    ('MOD', 'BPF_MOD'),
    ('XOR', 'BPF_XOR'),
    ('MOV', 'BPF_MOV'),
    ('ARSH', 'BPF_ARSH'),
    ('JA', 'BPF_JA'),
    ('JEQ', 'BPF_JEQ'),
    ('JGT', 'BPF_JGT'),
    ('JGE', 'BPF_JGE'),
    ('JSET', 'BPF_JSET'),
    ('JNE', 'BPF_JNE'),
    ('JSGT', 'BPF_JSGT'),
    ('JSGE', 'BPF_JSGE'),
    ('JLT', 'BPF_JLT'),
    ('JLE', 'BPF_JLE'),
    ('JSLT', 'BPF_JSLT'),
    ('JSLE', 'BPF_JSLE'),
    ('W', 'BPF_W'),
    ('H', 'BPF_H'),
    ('B', 'BPF_B'),
    ('DW', 'BPF_DW'),
    ('TO_LE', 'BPF_TO_LE'),
    ('TO_BE', 'BPF_TO_BE'),
    ('FETCH', 'BPF_FETCH'),
    ('XCHG', 'BPF_XCHG'),
    ('CMPXCHG', 'BPF_CMPXCHG'),
    ('PROG_TYPE_UNSPEC', 'BPF_PROG_TYPE_UNSPEC'),
    ('PROG_TYPE_SOCKET_FILTER', 'BPF_PROG_TYPE_SOCKET_FILTER'),
    ('PROG_TYPE_KPROBE', 'BPF_PROG_TYPE_KPROBE'),
    ('PROG_TYPE_SCHED_CLS', 'BPF_PROG_TYPE_SCHED_CLS'),
    ('PROG_TYPE_SCHED_ACT', 'BPF_PROG_TYPE_SCHED_ACT'),
    ('PROG_TYPE_TRACEPOINT', 'BPF_PROG_TYPE_TRACEPOINT'),
    ('PROG_TYPE_XDP', 'BPF_PROG_TYPE_XDP'),
    ('PROG_TYPE_PERF_EVENT', 'BPF_PROG_TYPE_PERF_EVENT'),
    ('PROG_TYPE_CGROUP_SKB', 'BPF_PROG_TYPE_CGROUP_SKB'),
    ('PROG_TYPE_CGROUP_SOCK', 'BPF_PROG_TYPE_CGROUP_SOCK'),
    ('PROG_TYPE_LWT_IN', 'BPF_PROG_TYPE_LWT_IN'),
    ('PROG_TYPE_LWT_OUT', 'BPF_PROG_TYPE_LWT_OUT'),
    ('PROG_TYPE_LWT_XMIT', 'BPF_PROG_TYPE_LWT_XMIT'),
    ('PROG_TYPE_SOCK_OPS', 'BPF_PROG_TYPE_SOCK_OPS'),
    ('PROG_TYPE_SK_SKB', 'BPF_PROG_TYPE_SK_SKB'),
    ('PROG_TYPE_CGROUP_DEVICE', 'BPF_PROG_TYPE_CGROUP_DEVICE'),
    ('PROG_TYPE_SK_MSG', 'BPF_PROG_TYPE_SK_MSG'),
    ('PROG_TYPE_RAW_TRACEPOINT', 'BPF_PROG_TYPE_RAW_TRACEPOINT'),
    ('PROG_TYPE_CGROUP_SOCK_ADDR', 'BPF_PROG_TYPE_CGROUP_SOCK_ADDR'),
    ('PROG_TYPE_LWT_SEG6LOCAL', 'BPF_PROG_TYPE_LWT_SEG6LOCAL'),
    ('PROG_TYPE_LIRC_MODE2', 'BPF_PROG_TYPE_LIRC_MODE2'),
    ('PROG_TYPE_SK_REUSEPORT', 'BPF_PROG_TYPE_SK_REUSEPORT'),
    ('PROG_TYPE_FLOW_DISSECTOR', 'BPF_PROG_TYPE_FLOW_DISSECTOR'),
    ('PROG_TYPE_CGROUP_SYSCTL', 'BPF_PROG_TYPE_CGROUP_SYSCTL'),
    ('PROG_TYPE_RAW_TRACEPOINT_WRITABLE', 'BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE'),
    ('PROG_TYPE_CGROUP_SOCKOPT', 'BPF_PROG_TYPE_CGROUP_SOCKOPT'),
    ('PROG_TYPE_TRACING', 'BPF_PROG_TYPE_TRACING'),
    ('PROG_TYPE_STRUCT_OPS', 'BPF_PROG_TYPE_STRUCT_OPS'),
    ('PROG_TYPE_EXT', 'BPF_PROG_TYPE_EXT'),
    ('PROG_TYPE_LSM', 'BPF_PROG_TYPE_LSM'),
    ('PROG_TYPE_SK_LOOKUP', 'BPF_PROG_TYPE_SK_LOOKUP'),
    ('PROG_TYPE_SYSCALL', 'BPF_PROG_TYPE_SYSCALL'),
    ('MAP_TYPE_UNSPEC', 'BPF_MAP_TYPE_UNSPEC'),
    ('MAP_TYPE_HASH', 'BPF_MAP_TYPE_HASH'),
    ('MAP_TYPE_ARRAY', 'BPF_MAP_TYPE_ARRAY'),
    ('MAP_TYPE_PROG_ARRAY', 'BPF_MAP_TYPE_PROG_ARRAY'),
    ('MAP_TYPE_PERF_EVENT_ARRAY', 'BPF_MAP_TYPE_PERF_EVENT_ARRAY'),
    ('MAP_TYPE_PERCPU_HASH', 'BPF_MAP_TYPE_PERCPU_HASH'),
    ('MAP_TYPE_PERCPU_ARRAY', 'BPF_MAP_TYPE_PERCPU_ARRAY'),
    ('MAP_TYPE_STACK_TRACE', 'BPF_MAP_TYPE_STACK_TRACE'),
    ('MAP_TYPE_CGROUP_ARRAY', 'BPF_MAP_TYPE_CGROUP_ARRAY'),
    ('MAP_TYPE_LRU_HASH', 'BPF_MAP_TYPE_LRU_HASH'),
    ('MAP_TYPE_LRU_PERCPU_HASH', 'BPF_MAP_TYPE_LRU_PERCPU_HASH'),
    ('MAP_TYPE_LPM_TRIE', 'BPF_MAP_TYPE_LPM_TRIE'),
    ('MAP_TYPE_ARRAY_OF_MAPS', 'BPF_MAP_TYPE_ARRAY_OF_MAPS'),
    ('MAP_TYPE_HASH_OF_MAPS', 'BPF_MAP_TYPE_HASH_OF_MAPS'),
    ('MAP_TYPE_DEVMAP', 'BPF_MAP_TYPE_DEVMAP'),
    ('MAP_TYPE_SOCKMAP', 'BPF_MAP_TYPE_SOCKMAP'),
    ('MAP_TYPE_CPUMAP', 'BPF_MAP_TYPE_CPUMAP'),
    ('MAP_TYPE_XSKMAP', 'BPF_MAP_TYPE_XSKMAP'),
    ('MAP_TYPE_SOCKHASH', 'BPF_MAP_TYPE_SOCKHASH'),
    ('MAP_TYPE_CGROUP_STORAGE', 'BPF_MAP_TYPE_CGROUP_STORAGE'),
    ('MAP_TYPE_REUSEPORT_SOCKARRAY', 'BPF_MAP_TYPE_REUSEPORT_SOCKARRAY'),
    ('MAP_TYPE_PERCPU_CGROUP_STORAGE', 'BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE'),
    ('MAP_TYPE_QUEUE', 'BPF_MAP_TYPE_QUEUE'),
    ('MAP_TYPE_STACK', 'BPF_MAP_TYPE_STACK'),
    ('MAP_TYPE_SK_STORAGE', 'BPF_MAP_TYPE_SK_STORAGE'),
    ('MAP_TYPE_DEVMAP_HASH', 'BPF_MAP_TYPE_DEVMAP_HASH'),
    ('MAP_TYPE_STRUCT_OPS', 'BPF_MAP_TYPE_STRUCT_OPS'),
    ('MAP_TYPE_RINGBUF', 'BPF_MAP_TYPE_RINGBUF'),
    ('MAP_TYPE_INODE_STORAGE', 'BPF_MAP_TYPE_INODE_STORAGE'),
    ('MAP_TYPE_TASK_STORAGE', 'BPF_MAP_TYPE_TASK_STORAGE'),
    ('MAP_TYPE_BLOOM_FILTER', 'BPF_MAP_TYPE_BLOOM_FILTER'),
    ('MAP_TYPE_USER_RINGBUF', 'BPF_MAP_TYPE_USER_RINGBUF'),
    ('CGROUP_INET_INGRESS', 'BPF_CGROUP_INET_INGRESS'),
    ('CGROUP_INET_EGRESS', 'BPF_CGROUP_INET_EGRESS'),
    ('CGROUP_INET_SOCK_CREATE', 'BPF_CGROUP_INET_SOCK_CREATE'),
    ('CGROUP_SOCK_OPS', 'BPF_CGROUP_SOCK_OPS'),
    ('SK_SKB_STREAM_PARSER', 'BPF_SK_SKB_STREAM_PARSER'),
    ('SK_SKB_STREAM_VERDICT', 'BPF_SK_SKB_STREAM_VERDICT'),
    ('CGROUP_DEVICE', 'BPF_CGROUP_DEVICE'),
    ('SK_MSG_VERDICT', 'BPF_SK_MSG_VERDICT'),
    ('CGROUP_INET4_BIND', 'BPF_CGROUP_INET4_BIND'),
    ('CGROUP_INET6_BIND', 'BPF_CGROUP_INET6_BIND'),
    ('CGROUP_INET4_CONNECT', 'BPF_CGROUP_INET4_CONNECT'),
    ('CGROUP_INET6_CONNECT', 'BPF_CGROUP_INET6_CONNECT'),
    ('CGROUP_INET4_POST_BIND', 'BPF_CGROUP_INET4_POST_BIND'),
    ('CGROUP_INET6_POST_BIND', 'BPF_CGROUP_INET6_POST_BIND'),
    ('CGROUP_UDP4_SENDMSG', 'BPF_CGROUP_UDP4_SENDMSG'),
    ('CGROUP_UDP6_SENDMSG', 'BPF_CGROUP_UDP6_SENDMSG'),
    ('LIRC_MODE2', 'BPF_LIRC_MODE2'),
    ('FLOW_DISSECTOR', 'BPF_FLOW_DISSECTOR'),
    ('CGROUP_SYSCTL', 'BPF_CGROUP_SYSCTL'),
    ('CGROUP_UDP4_RECVMSG', 'BPF_CGROUP_UDP4_RECVMSG'),
    ('CGROUP_UDP6_RECVMSG', 'BPF_CGROUP_UDP6_RECVMSG'),
    ('CGROUP_GETSOCKOPT', 'BPF_CGROUP_GETSOCKOPT'),
    ('CGROUP_SETSOCKOPT', 'BPF_CGROUP_SETSOCKOPT'),
    ('TRACE_RAW_TP', 'BPF_TRACE_RAW_TP'),
    ('TRACE_FENTRY', 'BPF_TRACE_FENTRY'),
    ('TRACE_FEXIT', 'BPF_TRACE_FEXIT'),
    ('MODIFY_RETURN', 'BPF_MODIFY_RETURN'),
    ('LSM_MAC', 'BPF_LSM_MAC'),
    ('TRACE_ITER', 'BPF_TRACE_ITER'),
    ('CGROUP_INET4_GETPEERNAME', 'BPF_CGROUP_INET4_GETPEERNAME'),
    ('CGROUP_INET6_GETPEERNAME', 'BPF_CGROUP_INET6_GETPEERNAME'),
    ('CGROUP_INET4_GETSOCKNAME', 'BPF_CGROUP_INET4_GETSOCKNAME'),
    ('CGROUP_INET6_GETSOCKNAME', 'BPF_CGROUP_INET6_GETSOCKNAME'),
    ('XDP_DEVMAP', 'BPF_XDP_DEVMAP'),
    ('CGROUP_INET_SOCK_RELEASE', 'BPF_CGROUP_INET_SOCK_RELEASE'),
    ('XDP_CPUMAP', 'BPF_XDP_CPUMAP'),
    ('SK_LOOKUP', 'BPF_SK_LOOKUP'),
    ('XDP', 'BPF_XDP'),
    ('SK_SKB_VERDICT', 'BPF_SK_SKB_VERDICT'),
    ('SK_REUSEPORT_SELECT', 'BPF_SK_REUSEPORT_SELECT'),
    ('SK_REUSEPORT_SELECT_OR_MIGRATE', 'BPF_SK_REUSEPORT_SELECT_OR_MIGRATE'),
    ('PERF_EVENT', 'BPF_PERF_EVENT'),
    ('TRACE_KPROBE_MULTI', 'BPF_TRACE_KPROBE_MULTI'),
    ('LSM_CGROUP', 'BPF_LSM_CGROUP'),
    ('FUNC_MAP_LOOKUP_ELEM', 'BPF_FUNC_map_lookup_elem'),
    ('FUNC_MAP_UPDATE_ELEM', 'BPF_FUNC_map_update_elem'),
    ('FUNC_MAP_DELETE_ELEM', 'BPF_FUNC_map_delete_elem'),
    ('FUNC_PROBE_READ', 'BPF_FUNC_probe_read'),
    ('FUNC_KTIME_GET_NS', 'BPF_FUNC_ktime_get_ns'),
    ('FUNC_TRACE_PRINTK', 'BPF_FUNC_trace_printk'),
    ('FUNC_GET_PRANDOM_U32', 'BPF_FUNC_get_prandom_u32'),
    ('FUNC_GET_SMP_PROCESSOR_ID', 'BPF_FUNC_get_smp_processor_id'),
    ('FUNC_SKB_STORE_BYTES', 'BPF_FUNC_skb_store_bytes'),
    ('FUNC_L3_CSUM_REPLACE', 'BPF_FUNC_l3_csum_replace'),
    ('FUNC_L4_CSUM_REPLACE', 'BPF_FUNC_l4_csum_replace'),
    ('FUNC_TAIL_CALL', 'BPF_FUNC_tail_call'),
    ('FUNC_CLONE_REDIRECT', 'BPF_FUNC_clone_redirect'),
    ('FUNC_GET_CURRENT_PID_TGID', 'BPF_FUNC_get_current_pid_tgid'),
    ('FUNC_GET_CURRENT_UID_GID', 'BPF_FUNC_get_current_uid_gid'),
    ('FUNC_GET_CURRENT_COMM', 'BPF_FUNC_get_current_comm'),
    ('FUNC_GET_CGROUP_CLASSID', 'BPF_FUNC_get_cgroup_classid'),
    ('FUNC_SKB_VLAN_PUSH', 'BPF_FUNC_skb_vlan_push'),
    ('FUNC_SKB_VLAN_POP', 'BPF_FUNC_skb_vlan_pop'),
    ('FUNC_SKB_GET_TUNNEL_KEY', 'BPF_FUNC_skb_get_tunnel_key'),
    ('FUNC_SKB_SET_TUNNEL_KEY', 'BPF_FUNC_skb_set_tunnel_key'),
    ('FUNC_PERF_EVENT_READ', 'BPF_FUNC_perf_event_read'),
    ('FUNC_REDIRECT', 'BPF_FUNC_redirect'),
    ('FUNC_GET_ROUTE_REALM', 'BPF_FUNC_get_route_realm'),
    ('FUNC_PERF_EVENT_OUTPUT', 'BPF_FUNC_perf_event_output'),
    ('FUNC_SKB_LOAD_BYTES', 'BPF_FUNC_skb_load_bytes'),
    ('FUNC_GET_STACKID', 'BPF_FUNC_get_stackid'),
    ('FUNC_CSUM_DIFF', 'BPF_FUNC_csum_diff'),
    ('FUNC_SKB_GET_TUNNEL_OPT', 'BPF_FUNC_skb_get_tunnel_opt'),
    ('FUNC_SKB_SET_TUNNEL_OPT', 'BPF_FUNC_skb_set_tunnel_opt'),
    ('FUNC_SKB_CHANGE_PROTO', 'BPF_FUNC_skb_change_proto'),
    ('FUNC_SKB_CHANGE_TYPE', 'BPF_FUNC_skb_change_type'),
    ('FUNC_SKB_UNDER_CGROUP', 'BPF_FUNC_skb_under_cgroup'),
    ('FUNC_GET_HASH_RECALC', 'BPF_FUNC_get_hash_recalc'),
    ('FUNC_GET_CURRENT_TASK', 'BPF_FUNC_get_current_task'),
    ('FUNC_PROBE_WRITE_USER', 'BPF_FUNC_probe_write_user'),
    ('FUNC_CURRENT_TASK_UNDER_CGROUP', 'BPF_FUNC_current_task_under_cgroup'),
    ('FUNC_SKB_CHANGE_TAIL', 'BPF_FUNC_skb_change_tail'),
    ('FUNC_SKB_PULL_DATA', 'BPF_FUNC_skb_pull_data'),
    ('FUNC_CSUM_UPDATE', 'BPF_FUNC_csum_update'),
    ('FUNC_SET_HASH_INVALID', 'BPF_FUNC_set_hash_invalid'),
    ('FUNC_GET_NUMA_NODE_ID', 'BPF_FUNC_get_numa_node_id'),
    ('FUNC_SKB_CHANGE_HEAD', 'BPF_FUNC_skb_change_head'),
    ('FUNC_XDP_ADJUST_HEAD', 'BPF_FUNC_xdp_adjust_head'),
    ('FUNC_PROBE_READ_STR', 'BPF_FUNC_probe_read_str'),
    ('FUNC_GET_SOCKET_COOKIE', 'BPF_FUNC_get_socket_cookie'),
    ('FUNC_GET_SOCKET_UID', 'BPF_FUNC_get_socket_uid'),
    ('FUNC_SET_HASH', 'BPF_FUNC_set_hash'),
    ('FUNC_SETSOCKOPT', 'BPF_FUNC_setsockopt'),
    ('FUNC_SKB_ADJUST_ROOM', 'BPF_FUNC_skb_adjust_room'),
    ('FUNC_REDIRECT_MAP', 'BPF_FUNC_redirect_map'),
    ('FUNC_SK_REDIRECT_MAP', 'BPF_FUNC_sk_redirect_map'),
    ('FUNC_SOCK_MAP_UPDATE', 'BPF_FUNC_sock_map_update'),
    ('FUNC_XDP_ADJUST_META', 'BPF_FUNC_xdp_adjust_meta'),
    ('FUNC_PERF_EVENT_READ_VALUE', 'BPF_FUNC_perf_event_read_value'),
    ('FUNC_PERF_PROG_READ_VALUE', 'BPF_FUNC_perf_prog_read_value'),
    ('FUNC_GETSOCKOPT', 'BPF_FUNC_getsockopt'),
    ('FUNC_OVERRIDE_RETURN', 'BPF_FUNC_override_return'),
    ('FUNC_SOCK_OPS_CB_FLAGS_SET', 'BPF_FUNC_sock_ops_cb_flags_set'),
    ('FUNC_MSG_REDIRECT_MAP', 'BPF_FUNC_msg_redirect_map'),
    ('FUNC_MSG_APPLY_BYTES', 'BPF_FUNC_msg_apply_bytes'),
    ('FUNC_MSG_CORK_BYTES', 'BPF_FUNC_msg_cork_bytes'),
    ('FUNC_MSG_PULL_DATA', 'BPF_FUNC_msg_pull_data'),
    ('FUNC_BIND', 'BPF_FUNC_bind'),
    ('FUNC_XDP_ADJUST_TAIL', 'BPF_FUNC_xdp_adjust_tail'),
    ('FUNC_SKB_GET_XFRM_STATE', 'BPF_FUNC_skb_get_xfrm_state'),
    ('FUNC_GET_STACK', 'BPF_FUNC_get_stack'),
    ('FUNC_SKB_LOAD_BYTES_RELATIVE', 'BPF_FUNC_skb_load_bytes_relative'),
    ('FUNC_FIB_LOOKUP', 'BPF_FUNC_fib_lookup'),
    ('FUNC_SOCK_HASH_UPDATE', 'BPF_FUNC_sock_hash_update'),
    ('FUNC_MSG_REDIRECT_HASH', 'BPF_FUNC_msg_redirect_hash'),
    ('FUNC_SK_REDIRECT_HASH', 'BPF_FUNC_sk_redirect_hash'),
    ('FUNC_LWT_PUSH_ENCAP', 'BPF_FUNC_lwt_push_encap'),
    ('FUNC_LWT_SEG6_STORE_BYTES', 'BPF_FUNC_lwt_seg6_store_bytes'),
    ('FUNC_LWT_SEG6_ADJUST_SRH', 'BPF_FUNC_lwt_seg6_adjust_srh'),
    ('FUNC_LWT_SEG6_ACTION', 'BPF_FUNC_lwt_seg6_action'),
    ('FUNC_RC_REPEAT', 'BPF_FUNC_rc_repeat'),
    ('FUNC_RC_KEYDOWN', 'BPF_FUNC_rc_keydown'),
    ('FUNC_SKB_CGROUP_ID', 'BPF_FUNC_skb_cgroup_id'),
    ('FUNC_GET_CURRENT_CGROUP_ID', 'BPF_FUNC_get_current_cgroup_id'),
    ('FUNC_GET_LOCAL_STORAGE', 'BPF_FUNC_get_local_storage'),
    ('FUNC_SK_SELECT_REUSEPORT', 'BPF_FUNC_sk_select_reuseport'),
    ('FUNC_SKB_ANCESTOR_CGROUP_ID', 'BPF_FUNC_skb_ancestor_cgroup_id'),
    ('FUNC_SK_LOOKUP_TCP', 'BPF_FUNC_sk_lookup_tcp'),
    ('FUNC_SK_LOOKUP_UDP', 'BPF_FUNC_sk_lookup_udp'),
    ('FUNC_SK_RELEASE', 'BPF_FUNC_sk_release'),
    ('FUNC_MAP_PUSH_ELEM', 'BPF_FUNC_map_push_elem'),
    ('FUNC_MAP_POP_ELEM', 'BPF_FUNC_map_pop_elem'),
    ('FUNC_MAP_PEEK_ELEM', 'BPF_FUNC_map_peek_elem'),
    ('FUNC_MSG_PUSH_DATA', 'BPF_FUNC_msg_push_data'),
    ('FUNC_MSG_POP_DATA', 'BPF_FUNC_msg_pop_data'),
    ('FUNC_RC_POINTER_REL', 'BPF_FUNC_rc_pointer_rel'),
    ('FUNC_SPIN_LOCK', 'BPF_FUNC_spin_lock'),
    ('FUNC_SPIN_UNLOCK', 'BPF_FUNC_spin_unlock'),
    ('FUNC_SK_FULLSOCK', 'BPF_FUNC_sk_fullsock'),
    ('FUNC_TCP_SOCK', 'BPF_FUNC_tcp_sock'),
    ('FUNC_SKB_ECN_SET_CE', 'BPF_FUNC_skb_ecn_set_ce'),
    ('FUNC_GET_LISTENER_SOCK', 'BPF_FUNC_get_listener_sock'),
    ('FUNC_SKC_LOOKUP_TCP', 'BPF_FUNC_skc_lookup_tcp'),
    ('FUNC_TCP_CHECK_SYNCOOKIE', 'BPF_FUNC_tcp_check_syncookie'),
    ('FUNC_SYSCTL_GET_NAME', 'BPF_FUNC_sysctl_get_name'),
    ('FUNC_SYSCTL_GET_CURRENT_VALUE', 'BPF_FUNC_sysctl_get_current_value'),
    ('FUNC_SYSCTL_GET_NEW_VALUE', 'BPF_FUNC_sysctl_get_new_value'),
    ('FUNC_SYSCTL_SET_NEW_VALUE', 'BPF_FUNC_sysctl_set_new_value'),
    ('FUNC_STRTOL', 'BPF_FUNC_strtol'),
    ('FUNC_STRTOUL', 'BPF_FUNC_strtoul'),
    ('FUNC_SK_STORAGE_GET', 'BPF_FUNC_sk_storage_get'),
    ('FUNC_SK_STORAGE_DELETE', 'BPF_FUNC_sk_storage_delete'),
    ('FUNC_SEND_SIGNAL', 'BPF_FUNC_send_signal'),
    ('FUNC_TCP_GEN_SYNCOOKIE', 'BPF_FUNC_tcp_gen_syncookie'),
    ('FUNC_SKB_OUTPUT', 'BPF_FUNC_skb_output'),
    ('FUNC_PROBE_READ_USER', 'BPF_FUNC_probe_read_user'),
    ('FUNC_PROBE_READ_KERNEL', 'BPF_FUNC_probe_read_kernel'),
    ('FUNC_PROBE_READ_USER_STR', 'BPF_FUNC_probe_read_user_str'),
    ('FUNC_PROBE_READ_KERNEL_STR', 'BPF_FUNC_probe_read_kernel_str'),
    ('FUNC_TCP_SEND_ACK', 'BPF_FUNC_tcp_send_ack'),
    ('FUNC_SEND_SIGNAL_THREAD', 'BPF_FUNC_send_signal_thread'),
    ('FUNC_JIFFIES64', 'BPF_FUNC_jiffies64'),
    ('FUNC_READ_BRANCH_RECORDS', 'BPF_FUNC_read_branch_records'),
    ('FUNC_GET_NS_CURRENT_PID_TGID', 'BPF_FUNC_get_ns_current_pid_tgid'),
    ('FUNC_XDP_OUTPUT', 'BPF_FUNC_xdp_output'),
    ('FUNC_GET_NETNS_COOKIE', 'BPF_FUNC_get_netns_cookie'),
    ('FUNC_GET_CURRENT_ANCESTOR_CGROUP_ID', 'BPF_FUNC_get_current_ancestor_cgroup_id'),
    ('FUNC_SK_ASSIGN', 'BPF_FUNC_sk_assign'),
    ('FUNC_KTIME_GET_BOOT_NS', 'BPF_FUNC_ktime_get_boot_ns'),
    ('FUNC_SEQ_PRINTF', 'BPF_FUNC_seq_printf'),
    ('FUNC_SEQ_WRITE', 'BPF_FUNC_seq_write'),
    ('FUNC_SK_CGROUP_ID', 'BPF_FUNC_sk_cgroup_id'),
    ('FUNC_SK_ANCESTOR_CGROUP_ID', 'BPF_FUNC_sk_ancestor_cgroup_id'),
    ('FUNC_RINGBUF_OUTPUT', 'BPF_FUNC_ringbuf_output'),
    ('FUNC_RINGBUF_RESERVE', 'BPF_FUNC_ringbuf_reserve'),
    ('FUNC_RINGBUF_SUBMIT', 'BPF_FUNC_ringbuf_submit'),
    ('FUNC_RINGBUF_DISCARD', 'BPF_FUNC_ringbuf_discard'),
    ('FUNC_RINGBUF_QUERY', 'BPF_FUNC_ringbuf_query'),
    ('FUNC_CSUM_LEVEL', 'BPF_FUNC_csum_level'),
    ('FUNC_SKC_TO_TCP6_SOCK', 'BPF_FUNC_skc_to_tcp6_sock'),
    ('FUNC_SKC_TO_TCP_SOCK', 'BPF_FUNC_skc_to_tcp_sock'),
    ('FUNC_SKC_TO_TCP_TIMEWAIT_SOCK', 'BPF_FUNC_skc_to_tcp_timewait_sock'),
    ('FUNC_SKC_TO_TCP_REQUEST_SOCK', 'BPF_FUNC_skc_to_tcp_request_sock'),
    ('FUNC_SKC_TO_UDP6_SOCK', 'BPF_FUNC_skc_to_udp6_sock'),
    ('FUNC_GET_TASK_STACK', 'BPF_FUNC_get_task_stack'),
    ('FUNC_LOAD_HDR_OPT', 'BPF_FUNC_load_hdr_opt'),
    ('FUNC_STORE_HDR_OPT', 'BPF_FUNC_store_hdr_opt'),
    ('FUNC_RESERVE_HDR_OPT', 'BPF_FUNC_reserve_hdr_opt'),
    ('FUNC_INODE_STORAGE_GET', 'BPF_FUNC_inode_storage_get'),
    ('FUNC_INODE_STORAGE_DELETE', 'BPF_FUNC_inode_storage_delete'),
    ('FUNC_D_PATH', 'BPF_FUNC_d_path'),
    ('FUNC_COPY_FROM_USER', 'BPF_FUNC_copy_from_user'),
    ('FUNC_SNPRINTF_BTF', 'BPF_FUNC_snprintf_btf'),
    ('FUNC_SEQ_PRINTF_BTF', 'BPF_FUNC_seq_printf_btf'),
    ('FUNC_SKB_CGROUP_CLASSID', 'BPF_FUNC_skb_cgroup_classid'),
    ('FUNC_REDIRECT_NEIGH', 'BPF_FUNC_redirect_neigh'),
    ('FUNC_PER_CPU_PTR', 'BPF_FUNC_per_cpu_ptr'),
    ('FUNC_THIS_CPU_PTR', 'BPF_FUNC_this_cpu_ptr'),
    ('FUNC_REDIRECT_PEER', 'BPF_FUNC_redirect_peer'),
    ('FUNC_TASK_STORAGE_GET', 'BPF_FUNC_task_storage_get'),
    ('FUNC_TASK_STORAGE_DELETE', 'BPF_FUNC_task_storage_delete'),
    ('FUNC_GET_CURRENT_TASK_BTF', 'BPF_FUNC_get_current_task_btf'),
    ('FUNC_BPRM_OPTS_SET', 'BPF_FUNC_bprm_opts_set'),
    ('FUNC_KTIME_GET_COARSE_NS', 'BPF_FUNC_ktime_get_coarse_ns'),
    ('FUNC_IMA_INODE_HASH', 'BPF_FUNC_ima_inode_hash'),
    ('FUNC_SOCK_FROM_FILE', 'BPF_FUNC_sock_from_file'),
    ('FUNC_CHECK_MTU', 'BPF_FUNC_check_mtu'),
    ('FUNC_FOR_EACH_MAP_ELEM', 'BPF_FUNC_for_each_map_elem'),
    ('FUNC_SNPRINTF', 'BPF_FUNC_snprintf'),
    ('FUNC_SYS_BPF', 'BPF_FUNC_sys_bpf'),
    ('FUNC_BTF_FIND_BY_NAME_KIND', 'BPF_FUNC_btf_find_by_name_kind'),
    ('FUNC_SYS_CLOSE', 'BPF_FUNC_sys_close'),
    ('FUNC_TIMER_INIT', 'BPF_FUNC_timer_init'),
    ('FUNC_TIMER_SET_CALLBACK', 'BPF_FUNC_timer_set_callback'),
    ('FUNC_TIMER_START', 'BPF_FUNC_timer_start'),
    ('FUNC_TIMER_CANCEL', 'BPF_FUNC_timer_cancel'),
    ('FUNC_GET_FUNC_IP', 'BPF_FUNC_get_func_ip'),
    ('FUNC_GET_ATTACH_COOKIE', 'BPF_FUNC_get_attach_cookie'),
    ('FUNC_TASK_PT_REGS', 'BPF_FUNC_task_pt_regs'),
    ('FUNC_GET_BRANCH_SNAPSHOT', 'BPF_FUNC_get_branch_snapshot'),
    ('FUNC_TRACE_VPRINTK', 'BPF_FUNC_trace_vprintk'),
    ('FUNC_SKC_TO_UNIX_SOCK', 'BPF_FUNC_skc_to_unix_sock'),
    ('FUNC_KALLSYMS_LOOKUP_NAME', 'BPF_FUNC_kallsyms_lookup_name'),
    ('FUNC_FIND_VMA', 'BPF_FUNC_find_vma'),
    ('FUNC_LOOP', 'BPF_FUNC_loop'),
    ('FUNC_STRNCMP', 'BPF_FUNC_strncmp'),
    ('FUNC_GET_FUNC_ARG', 'BPF_FUNC_get_func_arg'),
    ('FUNC_GET_FUNC_RET', 'BPF_FUNC_get_func_ret'),
    ('FUNC_GET_FUNC_ARG_CNT', 'BPF_FUNC_get_func_arg_cnt'),
    ('FUNC_GET_RETVAL', 'BPF_FUNC_get_retval'),
    ('FUNC_SET_RETVAL', 'BPF_FUNC_set_retval'),
    ('FUNC_XDP_GET_BUFF_LEN', 'BPF_FUNC_xdp_get_buff_len'),
    ('FUNC_XDP_LOAD_BYTES', 'BPF_FUNC_xdp_load_bytes'),
    ('FUNC_XDP_STORE_BYTES', 'BPF_FUNC_xdp_store_bytes'),
    ('FUNC_COPY_FROM_USER_TASK', 'BPF_FUNC_copy_from_user_task'),
    ('FUNC_SKB_SET_TSTAMP', 'BPF_FUNC_skb_set_tstamp'),
    ('FUNC_IMA_FILE_HASH', 'BPF_FUNC_ima_file_hash'),
    ('FUNC_KPTR_XCHG', 'BPF_FUNC_kptr_xchg'),
    ('FUNC_MAP_LOOKUP_PERCPU_ELEM', 'BPF_FUNC_map_lookup_percpu_elem'),
    ('FUNC_SKC_TO_MPTCP_SOCK', 'BPF_FUNC_skc_to_mptcp_sock'),
    ('FUNC_DYNPTR_FROM_MEM', 'BPF_FUNC_dynptr_from_mem'),
    ('FUNC_RINGBUF_RESERVE_DYNPTR', 'BPF_FUNC_ringbuf_reserve_dynptr'),
    ('FUNC_RINGBUF_SUBMIT_DYNPTR', 'BPF_FUNC_ringbuf_submit_dynptr'),
    ('FUNC_RINGBUF_DISCARD_DYNPTR', 'BPF_FUNC_ringbuf_discard_dynptr'),
    ('FUNC_DYNPTR_READ', 'BPF_FUNC_dynptr_read'),
    ('FUNC_DYNPTR_WRITE', 'BPF_FUNC_dynptr_write'),
    ('FUNC_DYNPTR_DATA', 'BPF_FUNC_dynptr_data'),
    ('FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV4', 'BPF_FUNC_tcp_raw_gen_syncookie_ipv4'),
    ('FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV6', 'BPF_FUNC_tcp_raw_gen_syncookie_ipv6'),
    ('FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV4', 'BPF_FUNC_tcp_raw_check_syncookie_ipv4'),
    ('FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV6', 'BPF_FUNC_tcp_raw_check_syncookie_ipv6'),
    ('FUNC_KTIME_GET_TAI_NS', 'BPF_FUNC_ktime_get_tai_ns'),
    ('FUNC_USER_RINGBUF_DRAIN', 'BPF_FUNC_user_ringbuf_drain'),
    ('XDP_ABORTED', 'XDP_ABORTED'),
    ('XDP_DROP', 'XDP_DROP'),
    ('XDP_PASS', 'XDP_PASS'),
    ('XDP_TX', 'XDP_TX'),
    ('XDP_REDIRECT', 'XDP_REDIRECT'),
    ('TC_ACT_UNSPEC', 'TC_ACT_UNSPEC'),
    ('TC_ACT_OK', 'TC_ACT_OK'),
    ('TC_ACT_RECLASSIFY', 'TC_ACT_RECLASSIFY'),
    ('TC_ACT_SHOT', 'TC_ACT_SHOT'),
    ('TC_ACT_PIPE', 'TC_ACT_PIPE'),
    ('TC_ACT_STOLEN', 'TC_ACT_STOLEN'),
    ('TC_ACT_QUEUED', 'TC_ACT_QUEUED'),
    ('TC_ACT_REPEAT', 'TC_ACT_REPEAT'),
    ('TC_ACT_REDIRECT', 'TC_ACT_REDIRECT'),
    ('TC_ACT_TRAP', 'TC_ACT_TRAP'),
    ('TC_ACT_VALUE_MAX', 'TC_ACT_VALUE_MAX'),
    ('TC_ACT_EXT_VAL_MASK', 'TC_ACT_EXT_VAL_MASK'),
    ('TC_ACT_JUMP', 'TC_ACT_JUMP'),
    ('TC_ACT_GOTO_CHAIN', 'TC_ACT_GOTO_CHAIN'),
    ('TC_ACT_EXT_OPCODE_MAX', 'TC_ACT_EXT_OPCODE_MAX'),
    ('F_SLEEPABLE', 'BPF_F_SLEEPABLE'),
    ('XDP_MD_DATA', 'offsetof(struct xdp_md, data)'),
    ('XDP_MD_DATA_END', 'offsetof(struct xdp_md, data_end)'),
    ('XDP_MD_DATA_META', 'offsetof(struct xdp_md, data_meta)'),
    ('XDP_MD_INGRESS_IFINDEX', 'offsetof(struct xdp_md, ingress_ifindex)'),
    ('XDP_MD_RX_QUEUE_INDEX', 'offsetof(struct xdp_md, rx_queue_index)'),
    ('XDP_MD_EGRESS_IFINDEX', 'offsetof(struct xdp_md, egress_ifindex)'),
    ('SK_BUFF_LEN', 'offsetof(struct __sk_buff, len)'),
    ('SK_BUFF_PKT_TYPE', 'offsetof(struct __sk_buff, pkt_type)'),
    ('SK_BUFF_MARK', 'offsetof(struct __sk_buff, mark)'),
    ('SK_BUFF_QUEUE_MAPPING', 'offsetof(struct __sk_buff, queue_mapping)'),
    ('SK_BUFF_PROTOCOL', 'offsetof(struct __sk_buff, protocol)'),
    ('SK_BUFF_VLAN_PRESENT', 'offsetof(struct __sk_buff, vlan_present)'),
    ('SK_BUFF_VLAN_TCI', 'offsetof(struct __sk_buff, vlan_tci)'),
    ('SK_BUFF_VLAN_PROTO', 'offsetof(struct __sk_buff, vlan_proto)'),
    ('SK_BUFF_PRIORITY', 'offsetof(struct __sk_buff, priority)'),
    ('SK_BUFF_INGRESS_IFINDEX', 'offsetof(struct __sk_buff, ingress_ifindex)'),
    ('SK_BUFF_IFINDEX', 'offsetof(struct __sk_buff, ifindex)'),
    ('SK_BUFF_TC_INDEX', 'offsetof(struct __sk_buff, tc_index)'),
    ('SK_BUFF_CB', 'offsetof(struct __sk_buff, cb)'),
    ('SK_BUFF_HASH', 'offsetof(struct __sk_buff, hash)'),
    ('SK_BUFF_TC_CLASSID', 'offsetof(struct __sk_buff, tc_classid)'),
    ('SK_BUFF_DATA', 'offsetof(struct __sk_buff, data)'),
    ('SK_BUFF_DATA_END', 'offsetof(struct __sk_buff, data_end)'),
    ('SK_BUFF_NAPI_ID', 'offsetof(struct __sk_buff, napi_id)'),
    ('SK_BUFF_FAMILY', 'offsetof(struct __sk_buff, family)'),
    ('SK_BUFF_REMOTE_IP4', 'offsetof(struct __sk_buff, remote_ip4)'),
    ('SK_BUFF_LOCAL_IP4', 'offsetof(struct __sk_buff, local_ip4)'),
    ('SK_BUFF_REMOTE_IP6', 'offsetof(struct __sk_buff, remote_ip6)'),
    ('SK_BUFF_LOCAL_IP6', 'offsetof(struct __sk_buff, local_ip6)'),
    ('SK_BUFF_REMOTE_PORT', 'offsetof(struct __sk_buff, remote_port)'),
    ('SK_BUFF_LOCAL_PORT', 'offsetof(struct __sk_buff, local_port)'),
    ('SK_BUFF_DATA_META', 'offsetof(struct __sk_buff, data_meta)'),
    ('SK_BUFF_FLOW_KEYS', 'offsetof(struct __sk_buff, flow_keys)'),
    ('SK_BUFF_TSTAMP', 'offsetof(struct __sk_buff, tstamp)'),
    ('SK_BUFF_WIRE_LEN', 'offsetof(struct __sk_buff, wire_len)'),
    ('SK_BUFF_GSO_SEGS', 'offsetof(struct __sk_buff, gso_segs)'),
    ('SK_BUFF_SK', 'offsetof(struct __sk_buff, sk)'),
    ('SK_BUFF_GSO_SIZE', 'offsetof(struct __sk_buff, gso_size)'),
    ('SK_BUFF_TSTAMP_TYPE', 'offsetof(struct __sk_buff, tstamp_type)'),
    ('SK_BUFF_HWTSTAMP', 'offsetof(struct __sk_buff, hwtstamp)'),
    ('BPF_SOCK_BOUND_DEV_IF', 'offsetof(struct bpf_sock, bound_dev_if)'),
    ('BPF_SOCK_FAMILY', 'offsetof(struct bpf_sock, family)'),
    ('BPF_SOCK_TYPE', 'offsetof(struct bpf_sock, type)'),
    ('BPF_SOCK_PROTOCOL', 'offsetof(struct bpf_sock, protocol)'),
    ('BPF_SOCK_MARK', 'offsetof(struct bpf_sock, mark)'),
    ('BPF_SOCK_PRIORITY', 'offsetof(struct bpf_sock, priority)'),
    ('BPF_SOCK_SRC_IP4', 'offsetof(struct bpf_sock, src_ip4)'),
    ('BPF_SOCK_SRC_IP6', 'offsetof(struct bpf_sock, src_ip6)'),
    ('BPF_SOCK_SRC_PORT', 'offsetof(struct bpf_sock, src_port)'),
    ('BPF_SOCK_DST_PORT', 'offsetof(struct bpf_sock, dst_port)'),
    ('BPF_SOCK_DST_IP4', 'offsetof(struct bpf_sock, dst_ip4)'),
    ('BPF_SOCK_DST_IP6', 'offsetof(struct bpf_sock, dst_ip6)'),
    ('BPF_SOCK_STATE', 'offsetof(struct bpf_sock, state)'),
    ('BPF_SOCK_RX_QUEUE_MAPPING', 'offsetof(struct bpf_sock, rx_queue_mapping)'),
    ('SOCK_ADDR_USER_FAMILY', 'offsetof(struct bpf_sock_addr, user_family)'),
    ('SOCK_ADDR_USER_IP4', 'offsetof(struct bpf_sock_addr, user_ip4)'),
    ('SOCK_ADDR_USER_IP6', 'offsetof(struct bpf_sock_addr, user_ip6)'),
    ('SOCK_ADDR_USER_PORT', 'offsetof(struct bpf_sock_addr, user_port)'),
    ('SOCK_ADDR_FAMILY', 'offsetof(struct bpf_sock_addr, family)'),
    ('SOCK_ADDR_TYPE', 'offsetof(struct bpf_sock_addr, type)'),
    ('SOCK_ADDR_PROTOCOL', 'offsetof(struct bpf_sock_addr, protocol)'),
    ('SOCK_ADDR_MSG_SRC_IP4', 'offsetof(struct bpf_sock_addr, msg_src_ip4)'),
    ('SOCK_ADDR_MSG_SRC_IP6', 'offsetof(struct bpf_sock_addr, msg_src_ip6)'),
    ('SOCK_ADDR_SK', 'offsetof(struct bpf_sock_addr, sk)'),
    ('SK_MSG_MD_DATA', 'offsetof(struct sk_msg_md, data)'),
    ('SK_MSG_MD_DATA_END', 'offsetof(struct sk_msg_md, data_end)'),
    ('SK_MSG_MD_FAMILY', 'offsetof(struct sk_msg_md, family)'),
    ('SK_MSG_MD_REMOTE_IP4', 'offsetof(struct sk_msg_md, remote_ip4)'),
    ('SK_MSG_MD_LOCAL_IP4', 'offsetof(struct sk_msg_md, local_ip4)'),
    ('SK_MSG_MD_REMOTE_IP6', 'offsetof(struct sk_msg_md, remote_ip6)'),
    ('SK_MSG_MD_LOCAL_IP6', 'offsetof(struct sk_msg_md, local_ip6)'),
    ('SK_MSG_MD_REMOTE_PORT', 'offsetof(struct sk_msg_md, remote_port)'),
    ('SK_MSG_MD_LOCAL_PORT', 'offsetof(struct sk_msg_md, local_port)'),
    ('SK_MSG_MD_SIZE', 'offsetof(struct sk_msg_md, size)'),
    ('SK_MSG_MD_SK', 'offsetof(struct sk_msg_md, sk)'),
    ('MAX_INSNS', 'MAPOPS_MAX_INSNS'),
    ('STACK_SIZE', 'MAPOPS_STACK_SIZE'),
    ('LABEL_MAX', 'MAPOPS_LABEL_MAX'),
    ('TAG_MAX', 'MAPOPS_TAG_MAX'),
    ('MAP_LOOKUP_SLOTS', 'MAPOPS_MAP_LOOKUP_SLOTS'),
    ('MAP_UPDATE_SLOTS', 'MAPOPS_MAP_UPDATE_SLOTS'),
    ('MAP_DELETE_SLOTS', 'MAPOPS_MAP_DELETE_SLOTS'),
    ('MAP_LOOKUP_OR_INIT_SLOTS', 'MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS'),
)

#: Each builder method's example arguments from lib/mapops.api (a call
#: that succeeds on a program with the label "top" bound).
EXAMPLES = {
    'label': ('fresh',),
    'jmp_imm': (16, 0, 0, 'top'),
    'jmp_reg': (32, 1, 2, 'top'),
    'jmp32_imm': (208, 3, -1, 'top'),
    'jmp32_reg': (64, 10, 10, 'top'),
    'ja': ('top',),
    'gotol': ('top',),
    'may_goto': ('top',),
    'call': ('top',),
    'ld_func': (2, 'top'),
    'map_for_each': (3, 'top', -8, 0),
    'loop': (10, 'top', 0, 0),
    'alu64_imm': (176, 0, 1),
    'alu64_reg': (0, 1, 10),
    'alu32_imm': (96, 2, 31),
    'alu32_reg': (160, 3, 4),
    'endian': (8, 1, 64),
    'alu64_signed_imm': (48, 0, -3),
    'alu64_signed_reg': (144, 1, 2),
    'alu32_signed_imm': (144, 3, 7),
    'alu32_signed_reg': (48, 4, 5),
    'movsx64': (1, 2, 32),
    'movsx32': (1, 2, 8),
    'bswap': (1, 16),
    'ldx_mem': (24, 0, 10, -8),
    'stx_mem': (0, 10, 1, -4),
    'st_mem': (16, 10, -1, 7),
    'atomic_op': (24, 1, 10, 1, -8),
    'ldx_memsx': (8, 0, 10, -2),
    'load_acquire': (24, 0, 10, -8),
    'store_release': (0, 10, 1, -4),
    'ld_abs': (8, 12),
    'ld_ind': (16, 1, 14),
    'ld_imm64': (1, 4886718345),
    'ld_map_fd': (2, 3),
    'call_helper': (5,),
    'call_kfunc': (1,),
    'call_kfunc_name': ('bpf_cast_to_kern_ctx',),
    'map_lookup': (3, -4),
    'map_lookup_ptr': (3, 6),
    'map_update': (3, -4, -16, 0),
    'map_update_ptr': (3, 3, 2, 2),
    'map_delete': (3, -4),
    'map_delete_ptr': (3, 2),
    'map_increment': (3, -4, -16, 1),
    'map_increment_atomic': (3, -4, -16, -1),
    'map_lookup_or_init': (3, -4, -16),
    'ringbuf_output': (3, -16, 16, 0),
    'ringbuf_reserve': (3, 16),
    'ringbuf_submit': (6, 1),
    'ringbuf_discard': (1, 0),
    'perf_event_output': (6, 3, -16, 16, 4294967295),
    'map_push': (3, -8, 2),
    'map_pop': (3, -8),
    'map_peek': (3, -8),
    'tail_call': (6, 3, 2),
    'tail_call_reg': (3, 3, 1),
    'map_lookup_percpu': (3, -4, 1),
    'ld_map_value': (2, 3, 4),
}

#: The headers those C expressions need besides <stddef.h>,
#: <linux/bpf.h> and <mapops/mapops.h>.
CONSTANT_HEADERS = ('linux/pkt_cls.h', )

__all__ = [name for name, _ in CONSTANTS]

# ---------------------------------------------------------------------------
# Prototypes
# ---------------------------------------------------------------------------

#: C name -> (restype, (Param, ...)): every function of lib/mapops.api,
#: in its order.
PROTOTYPES = {
    # 1, since MAPOPS_1.0
    'mapops_prog_new': (PROG_P, ()),
    # 2, since MAPOPS_1.0
    'mapops_prog_free': (None, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
    )),
    # 3, since MAPOPS_1.0
    'mapops_prog_len': (c_size_t, (
        Ptr('prog', 'const mapops_prog_t *', c_void_p, 'cprog'),
    )),
    # 4, since MAPOPS_1.0
    'mapops_prog_insns': (POINTER(bpf_insn), (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Ptr('cnt', 'size_t *', POINTER(c_size_t), 'out_count'),
    )),
    # 200, since MAPOPS_1.1, kernel 5.0
    'mapops_prog_func_info': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Ptr('opts', 'struct bpf_prog_load_opts *', c_void_p, 'libbpf_opts'),
    )),
    # 5, since MAPOPS_1.0
    'mapops_prog_error': (c_char_p, (
        Ptr('prog', 'const mapops_prog_t *', c_void_p, 'cprog'),
    )),
    # 6, since MAPOPS_1.0
    'mapops_emit': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Ptr('insns', 'const struct bpf_insn *', POINTER(bpf_insn), 'insns'),
        Int('cnt', 'size_t', c_size_t, 'count'),
    )),
    # 7, since MAPOPS_1.0
    'mapops_prog_set_tag': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('tag', 'tag', optional=True),
    )),
    # 8, since MAPOPS_1.0
    'mapops_prog_insn_origin': (c_int, (
        Ptr('prog', 'const mapops_prog_t *', c_void_p, 'cprog'),
        Int('slot', 'size_t', c_size_t, 'slot'),
        Ptr('call', 'const char **', POINTER(c_char_p), 'out_text'),
        Ptr('call_index', 'unsigned *', POINTER(c_uint), 'out_uint'),
        Ptr('tag', 'const char **', POINTER(c_char_p), 'out_text'),
    )),
    # 9, since MAPOPS_1.0
    'mapops_label': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('name', 'label'),
    )),
    # 10, since MAPOPS_1.0, kernel 3.18
    'mapops_jmp_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'jmp_op'),
        Int('reg', 'int', c_int, 'reg'),
        Int('imm', '__s32', c_int32, 's32'),
        Text('label', 'label'),
    )),
    # 11, since MAPOPS_1.0, kernel 3.18
    'mapops_jmp_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'jmp_op'),
        Int('dst', 'int', c_int, 'reg'),
        Int('src', 'int', c_int, 'reg'),
        Text('label', 'label'),
    )),
    # 12, since MAPOPS_1.0, kernel 5.1
    'mapops_jmp32_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'jmp_op'),
        Int('reg', 'int', c_int, 'reg'),
        Int('imm', '__s32', c_int32, 's32'),
        Text('label', 'label'),
    )),
    # 13, since MAPOPS_1.0, kernel 5.1
    'mapops_jmp32_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'jmp_op'),
        Int('dst', 'int', c_int, 'reg'),
        Int('src', 'int', c_int, 'reg'),
        Text('label', 'label'),
    )),
    # 14, since MAPOPS_1.0, kernel 3.18
    'mapops_ja': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('label', 'label'),
    )),
    # 201, since MAPOPS_1.1, kernel 6.6
    'mapops_gotol': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('label', 'label'),
    )),
    # 202, since MAPOPS_1.1
    'mapops_prog_allow_v4': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('allow', 'int', c_int, 'onoff'),
    )),
    # 203, since MAPOPS_1.1, kernel 6.9
    'mapops_may_goto': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('label', 'label'),
    )),
    # 204, since MAPOPS_1.1, kernel 4.16
    'mapops_call': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('label', 'label'),
    )),
    # 205, since MAPOPS_1.1, kernel 5.13
    'mapops_ld_func': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Text('label', 'label'),
    )),
    # 206, since MAPOPS_1.1, kernel 5.13
    'mapops_map_for_each': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Text('callback', 'label'),
        Int('ctx_stack_off', 'int', c_int, 'ctx_off'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 207, since MAPOPS_1.1, kernel 5.17
    'mapops_loop': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('nr_loops', '__u32', c_uint32, 'u32'),
        Text('callback', 'label'),
        Int('ctx_stack_off', 'int', c_int, 'ctx_off'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 15, since MAPOPS_1.0, kernel 3.18
    'mapops_alu64_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'alu_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 16, since MAPOPS_1.0, kernel 3.18
    'mapops_alu64_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'alu_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
    )),
    # 17, since MAPOPS_1.0, kernel 3.18
    'mapops_alu32_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'alu_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 18, since MAPOPS_1.0, kernel 3.18
    'mapops_alu32_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'alu_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
    )),
    # 19, since MAPOPS_1.0, kernel 3.18
    'mapops_endian': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('type', 'int', c_int, 'endian'),
        Int('dst', 'int', c_int, 'dst'),
        Int('bits', 'int', c_int, 'bits'),
    )),
    # 208, since MAPOPS_1.1, kernel 6.6
    'mapops_alu64_signed_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'signed_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 209, since MAPOPS_1.1, kernel 6.6
    'mapops_alu64_signed_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'signed_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
    )),
    # 210, since MAPOPS_1.1, kernel 6.6
    'mapops_alu32_signed_imm': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'signed_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 211, since MAPOPS_1.1, kernel 6.6
    'mapops_alu32_signed_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('op', 'int', c_int, 'signed_op'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
    )),
    # 212, since MAPOPS_1.1, kernel 6.6
    'mapops_movsx64': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
        Int('bits', 'int', c_int, 'sx_bits'),
    )),
    # 213, since MAPOPS_1.1, kernel 6.6
    'mapops_movsx32': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
        Int('bits', 'int', c_int, 'sx_bits'),
    )),
    # 214, since MAPOPS_1.1, kernel 6.6
    'mapops_bswap': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('bits', 'int', c_int, 'bits'),
    )),
    # 20, since MAPOPS_1.0, kernel 3.18
    'mapops_ldx_mem': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 21, since MAPOPS_1.0, kernel 3.18
    'mapops_stx_mem': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('dst', 'int', c_int, 'reg'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 22, since MAPOPS_1.0, kernel 3.18
    'mapops_st_mem': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('dst', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 23, since MAPOPS_1.0, kernel 5.12
    'mapops_atomic_op': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('op', 'int', c_int, 'atomic_op'),
        Int('dst', 'int', c_int, 'reg'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 215, since MAPOPS_1.1, kernel 6.6
    'mapops_ldx_memsx': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size32'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 216, since MAPOPS_1.1, kernel 6.15
    'mapops_load_acquire': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('dst', 'int', c_int, 'dst'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 217, since MAPOPS_1.1, kernel 6.15
    'mapops_store_release': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size'),
        Int('dst', 'int', c_int, 'reg'),
        Int('src', 'int', c_int, 'reg'),
        Int('off', 'int', c_int, 'off'),
    )),
    # 218, since MAPOPS_1.1, kernel 3.19
    'mapops_ld_abs': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size32'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 219, since MAPOPS_1.1, kernel 3.19
    'mapops_ld_ind': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('size', 'int', c_int, 'size32'),
        Int('src', 'int', c_int, 'reg'),
        Int('imm', '__s32', c_int32, 's32'),
    )),
    # 24, since MAPOPS_1.0, kernel 3.18
    'mapops_ld_imm64': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('imm', '__u64', c_uint64, 'u64'),
    )),
    # 25, since MAPOPS_1.0, kernel 3.18
    'mapops_ld_map_fd': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('map_fd', 'int', c_int, 'map'),
    )),
    # 26, since MAPOPS_1.0, kernel 3.18
    'mapops_call_helper': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('helper_id', 'int', c_int, 'helper'),
    )),
    # 220, since MAPOPS_1.1, kernel 5.13
    'mapops_call_kfunc': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('btf_id', '__s32', c_int32, 'btf_id'),
    )),
    # 221, since MAPOPS_1.1, kernel 5.13
    'mapops_call_kfunc_name': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('name', 'kfunc'),
    )),
    # 27, since MAPOPS_1.0, kernel 3.18
    'mapops_exit': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
    )),
    # 28, since MAPOPS_1.0, kernel 3.18
    'mapops_prog_load': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('type', 'enum bpf_prog_type', c_uint, 'prog_type'),
        Ptr('opts', 'const struct mapops_load_opts *', POINTER(mapops_load_opts), 'load_opts'),
    )),
    # 29, since MAPOPS_1.0
    'mapops_insn_snprint': (c_int, (
        Ptr('buf', 'char *', POINTER(c_char), 'buf'),
        Int('size', 'size_t', c_size_t, 'bufsize'),
        Ptr('insns', 'const struct bpf_insn *', POINTER(bpf_insn), 'insns'),
        Int('cnt', 'size_t', c_size_t, 'count'),
        Int('slot', 'size_t', c_size_t, 'slot'),
    )),
    # 30, since MAPOPS_1.0
    'mapops_prog_dump': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Ptr('out', 'FILE *', c_void_p, 'file'),
    )),
    # 40, since MAPOPS_1.1
    'mapops_prog_dump_text': (c_char_p, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
    )),
    # 31, since MAPOPS_1.0, kernel 3.19
    'mapops_map_lookup': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
    )),
    # 32, since MAPOPS_1.0, kernel 3.19
    'mapops_map_lookup_ptr': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_reg', 'int', c_int, 'ptr_reg'),
    )),
    # 33, since MAPOPS_1.0, kernel 3.19
    'mapops_map_update': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 34, since MAPOPS_1.0, kernel 3.19
    'mapops_map_update_ptr': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_reg', 'int', c_int, 'ptr_reg'),
        Int('value_reg', 'int', c_int, 'ptr_reg'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 35, since MAPOPS_1.0, kernel 3.19
    'mapops_map_delete': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
    )),
    # 36, since MAPOPS_1.0, kernel 3.19
    'mapops_map_delete_ptr': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_reg', 'int', c_int, 'ptr_reg'),
    )),
    # 37, since MAPOPS_1.0, kernel 3.19
    'mapops_map_increment': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
        Int('increment', '__s64', c_int64, 's64'),
    )),
    # 38, since MAPOPS_1.0, kernel 5.1
    'mapops_map_increment_atomic': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
        Int('increment', '__s64', c_int64, 's64'),
    )),
    # 39, since MAPOPS_1.0, kernel 3.19
    'mapops_map_lookup_or_init': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
        Int('init_value_stack_off', 'int', c_int, 'stack_off'),
    )),
    # 100, since MAPOPS_1.1, kernel 4.12
    'mapops_map_reg': (c_int, (
        Int('reg', 'int', c_int, 'ptr_reg'),
    )),
    # 101, since MAPOPS_1.1
    'mapops_map_ref': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('name', 'label'),
    )),
    # 102, since MAPOPS_1.1
    'mapops_prog_bind_map': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Text('name', 'label'),
        Int('map_fd', 'int', c_int, 'map'),
    )),
    # 103, since MAPOPS_1.1, kernel 5.8
    'mapops_ringbuf_output': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('data_stack_off', 'int', c_int, 'stack_off'),
        Int('size', '__u32', c_uint32, 'u32'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 104, since MAPOPS_1.1, kernel 5.8
    'mapops_ringbuf_reserve': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('size', '__u32', c_uint32, 'u32'),
    )),
    # 105, since MAPOPS_1.1, kernel 5.8
    'mapops_ringbuf_submit': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('ptr_reg', 'int', c_int, 'ptr_reg'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 106, since MAPOPS_1.1, kernel 5.8
    'mapops_ringbuf_discard': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('ptr_reg', 'int', c_int, 'ptr_reg'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 107, since MAPOPS_1.1, kernel 4.4
    'mapops_perf_event_output': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('ctx_reg', 'int', c_int, 'ptr_reg'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('data_stack_off', 'int', c_int, 'stack_off'),
        Int('size', '__u32', c_uint32, 'u32'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 108, since MAPOPS_1.1, kernel 4.20
    'mapops_map_push': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
        Int('flags', '__u64', c_uint64, 'flags'),
    )),
    # 109, since MAPOPS_1.1, kernel 4.20
    'mapops_map_pop': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
    )),
    # 110, since MAPOPS_1.1, kernel 4.20
    'mapops_map_peek': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('value_stack_off', 'int', c_int, 'stack_off'),
    )),
    # 111, since MAPOPS_1.1, kernel 4.2
    'mapops_tail_call': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('ctx_reg', 'int', c_int, 'ptr_reg'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('index', '__u32', c_uint32, 'u32'),
    )),
    # 112, since MAPOPS_1.1, kernel 4.2
    'mapops_tail_call_reg': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('ctx_reg', 'int', c_int, 'ptr_reg'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('index_reg', 'int', c_int, 'ptr_reg'),
    )),
    # 113, since MAPOPS_1.1, kernel 5.19
    'mapops_map_lookup_percpu': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('key_stack_off', 'int', c_int, 'stack_off'),
        Int('cpu_reg', 'int', c_int, 'ptr_reg'),
    )),
    # 114, since MAPOPS_1.1, kernel 5.5
    'mapops_ld_map_value': (c_int, (
        Ptr('prog', 'mapops_prog_t *', c_void_p, 'prog'),
        Int('dst', 'int', c_int, 'dst'),
        Int('map_fd', 'int', c_int, 'map'),
        Int('off', '__u32', c_uint32, 'u32'),
    )),
}

#: The builders: they take the program first, append to it and return a
#: status (lib/mapops.api).
BUILDER_FUNCTIONS = frozenset({
    'mapops_emit',
    'mapops_label',
    'mapops_jmp_imm',
    'mapops_jmp_reg',
    'mapops_jmp32_imm',
    'mapops_jmp32_reg',
    'mapops_ja',
    'mapops_gotol',
    'mapops_may_goto',
    'mapops_call',
    'mapops_ld_func',
    'mapops_map_for_each',
    'mapops_loop',
    'mapops_alu64_imm',
    'mapops_alu64_reg',
    'mapops_alu32_imm',
    'mapops_alu32_reg',
    'mapops_endian',
    'mapops_alu64_signed_imm',
    'mapops_alu64_signed_reg',
    'mapops_alu32_signed_imm',
    'mapops_alu32_signed_reg',
    'mapops_movsx64',
    'mapops_movsx32',
    'mapops_bswap',
    'mapops_ldx_mem',
    'mapops_stx_mem',
    'mapops_st_mem',
    'mapops_atomic_op',
    'mapops_ldx_memsx',
    'mapops_load_acquire',
    'mapops_store_release',
    'mapops_ld_abs',
    'mapops_ld_ind',
    'mapops_ld_imm64',
    'mapops_ld_map_fd',
    'mapops_call_helper',
    'mapops_call_kfunc',
    'mapops_call_kfunc_name',
    'mapops_exit',
    'mapops_map_lookup',
    'mapops_map_lookup_ptr',
    'mapops_map_update',
    'mapops_map_update_ptr',
    'mapops_map_delete',
    'mapops_map_delete_ptr',
    'mapops_map_increment',
    'mapops_map_increment_atomic',
    'mapops_map_lookup_or_init',
    'mapops_ringbuf_output',
    'mapops_ringbuf_reserve',
    'mapops_ringbuf_submit',
    'mapops_ringbuf_discard',
    'mapops_perf_event_output',
    'mapops_map_push',
    'mapops_map_pop',
    'mapops_map_peek',
    'mapops_tail_call',
    'mapops_tail_call_reg',
    'mapops_map_lookup_percpu',
    'mapops_ld_map_value',
})

#: The generated methods of Builders: C name -> method name.
METHODS = {
    'mapops_label': 'label',
    'mapops_jmp_imm': 'jmp_imm',
    'mapops_jmp_reg': 'jmp_reg',
    'mapops_jmp32_imm': 'jmp32_imm',
    'mapops_jmp32_reg': 'jmp32_reg',
    'mapops_ja': 'ja',
    'mapops_gotol': 'gotol',
    'mapops_may_goto': 'may_goto',
    'mapops_call': 'call',
    'mapops_ld_func': 'ld_func',
    'mapops_map_for_each': 'map_for_each',
    'mapops_loop': 'loop',
    'mapops_alu64_imm': 'alu64_imm',
    'mapops_alu64_reg': 'alu64_reg',
    'mapops_alu32_imm': 'alu32_imm',
    'mapops_alu32_reg': 'alu32_reg',
    'mapops_endian': 'endian',
    'mapops_alu64_signed_imm': 'alu64_signed_imm',
    'mapops_alu64_signed_reg': 'alu64_signed_reg',
    'mapops_alu32_signed_imm': 'alu32_signed_imm',
    'mapops_alu32_signed_reg': 'alu32_signed_reg',
    'mapops_movsx64': 'movsx64',
    'mapops_movsx32': 'movsx32',
    'mapops_bswap': 'bswap',
    'mapops_ldx_mem': 'ldx_mem',
    'mapops_stx_mem': 'stx_mem',
    'mapops_st_mem': 'st_mem',
    'mapops_atomic_op': 'atomic_op',
    'mapops_ldx_memsx': 'ldx_memsx',
    'mapops_load_acquire': 'load_acquire',
    'mapops_store_release': 'store_release',
    'mapops_ld_abs': 'ld_abs',
    'mapops_ld_ind': 'ld_ind',
    'mapops_ld_imm64': 'ld_imm64',
    'mapops_ld_map_fd': 'ld_map_fd',
    'mapops_call_helper': 'call_helper',
    'mapops_call_kfunc': 'call_kfunc',
    'mapops_call_kfunc_name': 'call_kfunc_name',
    'mapops_exit': 'exit',
    'mapops_map_lookup': 'map_lookup',
    'mapops_map_lookup_ptr': 'map_lookup_ptr',
    'mapops_map_update': 'map_update',
    'mapops_map_update_ptr': 'map_update_ptr',
    'mapops_map_delete': 'map_delete',
    'mapops_map_delete_ptr': 'map_delete_ptr',
    'mapops_map_increment': 'map_increment',
    'mapops_map_increment_atomic': 'map_increment_atomic',
    'mapops_map_lookup_or_init': 'map_lookup_or_init',
    'mapops_ringbuf_output': 'ringbuf_output',
    'mapops_ringbuf_reserve': 'ringbuf_reserve',
    'mapops_ringbuf_submit': 'ringbuf_submit',
    'mapops_ringbuf_discard': 'ringbuf_discard',
    'mapops_perf_event_output': 'perf_event_output',
    'mapops_map_push': 'map_push',
    'mapops_map_pop': 'map_pop',
    'mapops_map_peek': 'map_peek',
    'mapops_tail_call': 'tail_call',
    'mapops_tail_call_reg': 'tail_call_reg',
    'mapops_map_lookup_percpu': 'map_lookup_percpu',
    'mapops_ld_map_value': 'ld_map_value',
}

#: The functions called with the GIL held (see _lib's docstring).
GIL_HELD_FUNCTIONS = frozenset({
    'mapops_label',
    'mapops_jmp_imm',
    'mapops_jmp_reg',
    'mapops_jmp32_imm',
    'mapops_jmp32_reg',
    'mapops_ja',
    'mapops_gotol',
    'mapops_may_goto',
    'mapops_call',
    'mapops_ld_func',
    'mapops_map_for_each',
    'mapops_loop',
    'mapops_alu64_imm',
    'mapops_alu64_reg',
    'mapops_alu32_imm',
    'mapops_alu32_reg',
    'mapops_endian',
    'mapops_alu64_signed_imm',
    'mapops_alu64_signed_reg',
    'mapops_alu32_signed_imm',
    'mapops_alu32_signed_reg',
    'mapops_movsx64',
    'mapops_movsx32',
    'mapops_bswap',
    'mapops_ldx_mem',
    'mapops_stx_mem',
    'mapops_st_mem',
    'mapops_atomic_op',
    'mapops_ldx_memsx',
    'mapops_load_acquire',
    'mapops_store_release',
    'mapops_ld_abs',
    'mapops_ld_ind',
    'mapops_ld_imm64',
    'mapops_ld_map_fd',
    'mapops_call_helper',
    'mapops_call_kfunc',
    'mapops_call_kfunc_name',
    'mapops_exit',
    'mapops_map_lookup',
    'mapops_map_lookup_ptr',
    'mapops_map_update',
    'mapops_map_update_ptr',
    'mapops_map_delete',
    'mapops_map_delete_ptr',
    'mapops_map_increment',
    'mapops_map_increment_atomic',
    'mapops_map_lookup_or_init',
    'mapops_ringbuf_output',
    'mapops_ringbuf_reserve',
    'mapops_ringbuf_submit',
    'mapops_ringbuf_discard',
    'mapops_perf_event_output',
    'mapops_map_push',
    'mapops_map_pop',
    'mapops_map_peek',
    'mapops_tail_call',
    'mapops_tail_call_reg',
    'mapops_map_lookup_percpu',
    'mapops_ld_map_value',
    'mapops_prog_free',
    'mapops_prog_len',
    'mapops_prog_error',
    'mapops_prog_set_tag',
    'mapops_prog_insn_origin',
})

#: The functions of PROTOTYPES, restype and argtypes declared.
C = _lib.load(PROTOTYPES, GIL_HELD_FUNCTIONS)

#: The functions of METHODS again, without argtypes: what the methods call.
DIRECT = _lib.load_direct(METHODS)

# The parameters after the handle, for _convert().
_ARGS = {name: params[1:] for name, (_, params) in PROTOTYPES.items()}

# The names the methods use, module globals (C parameters never begin with _).
_convert = _lib.convert
_decode = _lib.decode
_refused = _lib.refused
_getframe = _lib.getframe
_Error = Error
_ValueError = ValueError
_UnicodeEncodeError = UnicodeEncodeError
_type = type
_int = int
_str = str
_bytes = bytes


class Builders:
    """The builder methods of mapops.Program, one per builder of
    lib/mapops.api: the C function without "mapops_", its arguments
    after the handle in the C order.  Each checks its arguments before any
    C call (TypeError, ValueError), makes one C call with the program's
    lock held, and returns None or raises Error (nothing was appended).
    After a success each records where it was called from (Program._calls).
    """

    __slots__ = ()

    def label(self, name: Label) -> None:
        """mapops_label() of <mapops/mapops.h>: appends to the program.

        name: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; needs no kernel. Returns None, or raises
        mapops.Error (the library refused: nothing was appended), TypeError
        or ValueError (an argument refused before the C call), ValueError
        (the program is closed).
        """
        _c_name = name
        if _type(name) is _str:
            try:
                _c_name = name.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_name) is _bytes and 0 not in _c_name):
            _c_name, = _convert(self, 'label', _ARGS['mapops_label'], (name,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.label(): the program is closed')
            _ret = DIRECT.mapops_label(_handle, _c_name)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'label')

    def jmp_imm(self, op: int, reg: int, imm: int, label: Label) -> None:
        """mapops_jmp_imm() of <mapops/mapops.h>: appends to the program.

        op: jmp_op (int) -- BPF_JEQ .. BPF_JSLE
        reg: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        imm: s32 (__s32) -- a signed 32-bit immediate
        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(reg) is _int and
                -1073741823 <= reg and reg <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823 and
                _type(_c_label) is _bytes and 0 not in _c_label):
            op, reg, imm, _c_label = _convert(
                self, 'jmp_imm', _ARGS['mapops_jmp_imm'], (op, reg, imm, label))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.jmp_imm(): the program is closed')
            _ret = DIRECT.mapops_jmp_imm(_handle, op, reg, imm, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'jmp_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def jmp_reg(self, op: int, dst: int, src: int, label: Label) -> None:
        """mapops_jmp_reg() of <mapops/mapops.h>: appends to the program.

        op: jmp_op (int) -- BPF_JEQ .. BPF_JSLE
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(_c_label) is _bytes and 0 not in _c_label):
            op, dst, src, _c_label = _convert(
                self, 'jmp_reg', _ARGS['mapops_jmp_reg'], (op, dst, src, label))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.jmp_reg(): the program is closed')
            _ret = DIRECT.mapops_jmp_reg(_handle, op, dst, src, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'jmp_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def jmp32_imm(self, op: int, reg: int, imm: int, label: Label) -> None:
        """mapops_jmp32_imm() of <mapops/mapops.h>: appends to the program.

        op: jmp_op (int) -- BPF_JEQ .. BPF_JSLE
        reg: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        imm: s32 (__s32) -- a signed 32-bit immediate
        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; what it emits needs kernel 5.1 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(reg) is _int and
                -1073741823 <= reg and reg <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823 and
                _type(_c_label) is _bytes and 0 not in _c_label):
            op, reg, imm, _c_label = _convert(
                self, 'jmp32_imm', _ARGS['mapops_jmp32_imm'], (op, reg, imm, label))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.jmp32_imm(): the program is closed')
            _ret = DIRECT.mapops_jmp32_imm(_handle, op, reg, imm, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'jmp32_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def jmp32_reg(self, op: int, dst: int, src: int, label: Label) -> None:
        """mapops_jmp32_reg() of <mapops/mapops.h>: appends to the program.

        op: jmp_op (int) -- BPF_JEQ .. BPF_JSLE
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; what it emits needs kernel 5.1 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(_c_label) is _bytes and 0 not in _c_label):
            op, dst, src, _c_label = _convert(
                self, 'jmp32_reg', _ARGS['mapops_jmp32_reg'], (op, dst, src, label))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.jmp32_reg(): the program is closed')
            _ret = DIRECT.mapops_jmp32_reg(_handle, op, dst, src, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'jmp32_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ja(self, label: Label) -> None:
        """mapops_ja() of <mapops/mapops.h>: appends to the program.

        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_label) is _bytes and 0 not in _c_label):
            _c_label, = _convert(self, 'ja', _ARGS['mapops_ja'], (label,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ja(): the program is closed')
            _ret = DIRECT.mapops_ja(_handle, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ja')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def gotol(self, label: Label) -> None:
        """mapops_gotol() of <mapops/mapops.h>: appends to the program.

        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_label) is _bytes and 0 not in _c_label):
            _c_label, = _convert(
                self, 'gotol', _ARGS['mapops_gotol'], (label,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.gotol(): the program is closed')
            _ret = DIRECT.mapops_gotol(_handle, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'gotol')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def may_goto(self, label: Label) -> None:
        """mapops_may_goto() of <mapops/mapops.h>: appends to the program.

        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.1; what it emits needs kernel 6.9 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_label) is _bytes and 0 not in _c_label):
            _c_label, = _convert(
                self, 'may_goto', _ARGS['mapops_may_goto'], (label,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.may_goto(): the program is closed')
            _ret = DIRECT.mapops_may_goto(_handle, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'may_goto')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def call(self, label: Label) -> None:
        """mapops_call() of <mapops/mapops.h>: appends to the program.

        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.1; what it emits needs kernel 4.16 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_label) is _bytes and 0 not in _c_label):
            _c_label, = _convert(self, 'call', _ARGS['mapops_call'], (label,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.call(): the program is closed')
            _ret = DIRECT.mapops_call(_handle, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'call')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_func(self, dst: int, label: Label) -> None:
        """mapops_ld_func() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        label: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes

        Since MAPOPS_1.1; what it emits needs kernel 5.13 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_label = label
        if _type(label) is _str:
            try:
                _c_label = label.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(_c_label) is _bytes and 0 not in _c_label):
            dst, _c_label = _convert(
                self, 'ld_func', _ARGS['mapops_ld_func'], (dst, label))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_func(): the program is closed')
            _ret = DIRECT.mapops_ld_func(_handle, dst, _c_label)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_func')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_for_each(
            self,
            map_fd: int,
            callback: Label,
            ctx_stack_off: int,
            flags: int) -> None:
        """mapops_map_for_each() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        callback: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes
        ctx_stack_off: ctx_off (int) -- 0 (none), or an offset from r10 into
            the stack frame, [-512, -1]
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 5.13 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_callback = callback
        if _type(callback) is _str:
            try:
                _c_callback = callback.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(_c_callback) is _bytes and 0 not in _c_callback and
                _type(ctx_stack_off) is _int and
                -1073741823 <= ctx_stack_off and ctx_stack_off <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            map_fd, _c_callback, ctx_stack_off, flags = _convert(
                self, 'map_for_each', _ARGS['mapops_map_for_each'], (map_fd, callback, ctx_stack_off, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_for_each(): the program is closed')
            _ret = DIRECT.mapops_map_for_each(
                _handle, map_fd, _c_callback, ctx_stack_off, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_for_each')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def loop(
            self,
            nr_loops: int,
            callback: Label,
            ctx_stack_off: int,
            flags: int) -> None:
        """mapops_loop() of <mapops/mapops.h>: appends to the program.

        nr_loops: u32 (__u32) -- an unsigned 32-bit value: a size, an index,
            an offset
        callback: label (const char *) -- a label name, 1..MAPOPS_LABEL_MAX
            bytes
        ctx_stack_off: ctx_off (int) -- 0 (none), or an offset from r10 into
            the stack frame, [-512, -1]
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 5.17 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_callback = callback
        if _type(callback) is _str:
            try:
                _c_callback = callback.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(nr_loops) is _int and
                0 <= nr_loops and nr_loops <= 1073741823 and
                _type(_c_callback) is _bytes and 0 not in _c_callback and
                _type(ctx_stack_off) is _int and
                -1073741823 <= ctx_stack_off and ctx_stack_off <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            nr_loops, _c_callback, ctx_stack_off, flags = _convert(
                self, 'loop', _ARGS['mapops_loop'], (nr_loops, callback, ctx_stack_off, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.loop(): the program is closed')
            _ret = DIRECT.mapops_loop(
                _handle, c_uint32(nr_loops), _c_callback, ctx_stack_off, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'loop')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu64_imm(self, op: int, dst: int, imm: int) -> None:
        """mapops_alu64_imm() of <mapops/mapops.h>: appends to the program.

        op: alu_op (int) -- BPF_ADD .. BPF_ARSH, BPF_MOV, BPF_NEG
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            op, dst, imm = _convert(
                self, 'alu64_imm', _ARGS['mapops_alu64_imm'], (op, dst, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu64_imm(): the program is closed')
            _ret = DIRECT.mapops_alu64_imm(_handle, op, dst, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu64_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu64_reg(self, op: int, dst: int, src: int) -> None:
        """mapops_alu64_reg() of <mapops/mapops.h>: appends to the program.

        op: alu_op (int) -- BPF_ADD .. BPF_ARSH, BPF_MOV, BPF_NEG
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823):
            op, dst, src = _convert(
                self, 'alu64_reg', _ARGS['mapops_alu64_reg'], (op, dst, src))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu64_reg(): the program is closed')
            _ret = DIRECT.mapops_alu64_reg(_handle, op, dst, src)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu64_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu32_imm(self, op: int, dst: int, imm: int) -> None:
        """mapops_alu32_imm() of <mapops/mapops.h>: appends to the program.

        op: alu_op (int) -- BPF_ADD .. BPF_ARSH, BPF_MOV, BPF_NEG
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            op, dst, imm = _convert(
                self, 'alu32_imm', _ARGS['mapops_alu32_imm'], (op, dst, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu32_imm(): the program is closed')
            _ret = DIRECT.mapops_alu32_imm(_handle, op, dst, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu32_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu32_reg(self, op: int, dst: int, src: int) -> None:
        """mapops_alu32_reg() of <mapops/mapops.h>: appends to the program.

        op: alu_op (int) -- BPF_ADD .. BPF_ARSH, BPF_MOV, BPF_NEG
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823):
            op, dst, src = _convert(
                self, 'alu32_reg', _ARGS['mapops_alu32_reg'], (op, dst, src))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu32_reg(): the program is closed')
            _ret = DIRECT.mapops_alu32_reg(_handle, op, dst, src)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu32_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def endian(self, type: int, dst: int, bits: int) -> None:
        """mapops_endian() of <mapops/mapops.h>: appends to the program.

        type: endian (int) -- BPF_TO_LE, BPF_TO_BE
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        bits: bits (int) -- 16, 32, 64

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(type) is _int and
                -1073741823 <= type and type <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(bits) is _int and
                -1073741823 <= bits and bits <= 1073741823):
            type, dst, bits = _convert(
                self, 'endian', _ARGS['mapops_endian'], (type, dst, bits))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.endian(): the program is closed')
            _ret = DIRECT.mapops_endian(_handle, type, dst, bits)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'endian')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu64_signed_imm(self, op: int, dst: int, imm: int) -> None:
        """mapops_alu64_signed_imm() of <mapops/mapops.h>: appends to the program.

        op: signed_op (int) -- BPF_DIV, BPF_MOD (their signed forms, off 1)
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            op, dst, imm = _convert(
                self, 'alu64_signed_imm', _ARGS['mapops_alu64_signed_imm'], (op, dst, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu64_signed_imm(): the program is closed')
            _ret = DIRECT.mapops_alu64_signed_imm(_handle, op, dst, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu64_signed_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu64_signed_reg(self, op: int, dst: int, src: int) -> None:
        """mapops_alu64_signed_reg() of <mapops/mapops.h>: appends to the program.

        op: signed_op (int) -- BPF_DIV, BPF_MOD (their signed forms, off 1)
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823):
            op, dst, src = _convert(
                self, 'alu64_signed_reg', _ARGS['mapops_alu64_signed_reg'], (op, dst, src))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu64_signed_reg(): the program is closed')
            _ret = DIRECT.mapops_alu64_signed_reg(_handle, op, dst, src)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu64_signed_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu32_signed_imm(self, op: int, dst: int, imm: int) -> None:
        """mapops_alu32_signed_imm() of <mapops/mapops.h>: appends to the program.

        op: signed_op (int) -- BPF_DIV, BPF_MOD (their signed forms, off 1)
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            op, dst, imm = _convert(
                self, 'alu32_signed_imm', _ARGS['mapops_alu32_signed_imm'], (op, dst, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu32_signed_imm(): the program is closed')
            _ret = DIRECT.mapops_alu32_signed_imm(_handle, op, dst, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu32_signed_imm')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def alu32_signed_reg(self, op: int, dst: int, src: int) -> None:
        """mapops_alu32_signed_reg() of <mapops/mapops.h>: appends to the program.

        op: signed_op (int) -- BPF_DIV, BPF_MOD (their signed forms, off 1)
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823):
            op, dst, src = _convert(
                self, 'alu32_signed_reg', _ARGS['mapops_alu32_signed_reg'], (op, dst, src))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.alu32_signed_reg(): the program is closed')
            _ret = DIRECT.mapops_alu32_signed_reg(_handle, op, dst, src)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'alu32_signed_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def movsx64(self, dst: int, src: int, bits: int) -> None:
        """mapops_movsx64() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        bits: sx_bits (int) -- 8, 16, 32 (a sign-extending move's source
            width)

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(bits) is _int and
                -1073741823 <= bits and bits <= 1073741823):
            dst, src, bits = _convert(
                self, 'movsx64', _ARGS['mapops_movsx64'], (dst, src, bits))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.movsx64(): the program is closed')
            _ret = DIRECT.mapops_movsx64(_handle, dst, src, bits)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'movsx64')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def movsx32(self, dst: int, src: int, bits: int) -> None:
        """mapops_movsx32() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        bits: sx_bits (int) -- 8, 16, 32 (a sign-extending move's source
            width)

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(bits) is _int and
                -1073741823 <= bits and bits <= 1073741823):
            dst, src, bits = _convert(
                self, 'movsx32', _ARGS['mapops_movsx32'], (dst, src, bits))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.movsx32(): the program is closed')
            _ret = DIRECT.mapops_movsx32(_handle, dst, src, bits)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'movsx32')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def bswap(self, dst: int, bits: int) -> None:
        """mapops_bswap() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        bits: bits (int) -- 16, 32, 64

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(bits) is _int and
                -1073741823 <= bits and bits <= 1073741823):
            dst, bits = _convert(
                self, 'bswap', _ARGS['mapops_bswap'], (dst, bits))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.bswap(): the program is closed')
            _ret = DIRECT.mapops_bswap(_handle, dst, bits)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'bswap')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ldx_mem(self, size: int, dst: int, src: int, off: int) -> None:
        """mapops_ldx_mem() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, dst, src, off = _convert(
                self, 'ldx_mem', _ARGS['mapops_ldx_mem'], (size, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ldx_mem(): the program is closed')
            _ret = DIRECT.mapops_ldx_mem(_handle, size, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ldx_mem')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def stx_mem(self, size: int, dst: int, src: int, off: int) -> None:
        """mapops_stx_mem() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, dst, src, off = _convert(
                self, 'stx_mem', _ARGS['mapops_stx_mem'], (size, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.stx_mem(): the program is closed')
            _ret = DIRECT.mapops_stx_mem(_handle, size, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'stx_mem')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def st_mem(self, size: int, dst: int, off: int, imm: int) -> None:
        """mapops_st_mem() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            size, dst, off, imm = _convert(
                self, 'st_mem', _ARGS['mapops_st_mem'], (size, dst, off, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.st_mem(): the program is closed')
            _ret = DIRECT.mapops_st_mem(_handle, size, dst, off, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'st_mem')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def atomic_op(
            self,
            size: int,
            op: int,
            dst: int,
            src: int,
            off: int) -> None:
        """mapops_atomic_op() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        op: atomic_op (int) -- BPF_ADD, BPF_OR, BPF_AND, BPF_XOR (|
            BPF_FETCH), BPF_XCHG, BPF_CMPXCHG
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.0; what it emits needs kernel 5.12 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(op) is _int and
                -1073741823 <= op and op <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, op, dst, src, off = _convert(
                self, 'atomic_op', _ARGS['mapops_atomic_op'], (size, op, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.atomic_op(): the program is closed')
            _ret = DIRECT.mapops_atomic_op(_handle, size, op, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'atomic_op')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ldx_memsx(self, size: int, dst: int, src: int, off: int) -> None:
        """mapops_ldx_memsx() of <mapops/mapops.h>: appends to the program.

        size: size32 (int) -- BPF_B, BPF_H, BPF_W
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.1; what it emits needs kernel 6.6 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, dst, src, off = _convert(
                self, 'ldx_memsx', _ARGS['mapops_ldx_memsx'], (size, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ldx_memsx(): the program is closed')
            _ret = DIRECT.mapops_ldx_memsx(_handle, size, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ldx_memsx')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def load_acquire(self, size: int, dst: int, src: int, off: int) -> None:
        """mapops_load_acquire() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.1; what it emits needs kernel 6.15 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, dst, src, off = _convert(
                self, 'load_acquire', _ARGS['mapops_load_acquire'], (size, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.load_acquire(): the program is closed')
            _ret = DIRECT.mapops_load_acquire(_handle, size, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'load_acquire')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def store_release(self, size: int, dst: int, src: int, off: int) -> None:
        """mapops_store_release() of <mapops/mapops.h>: appends to the program.

        size: size (int) -- BPF_B, BPF_H, BPF_W, BPF_DW
        dst: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        off: off (int) -- a signed 16-bit memory offset

        Since MAPOPS_1.1; what it emits needs kernel 6.15 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(off) is _int and
                -1073741823 <= off and off <= 1073741823):
            size, dst, src, off = _convert(
                self, 'store_release', _ARGS['mapops_store_release'], (size, dst, src, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.store_release(): the program is closed')
            _ret = DIRECT.mapops_store_release(_handle, size, dst, src, off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'store_release')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_abs(self, size: int, imm: int) -> None:
        """mapops_ld_abs() of <mapops/mapops.h>: appends to the program.

        size: size32 (int) -- BPF_B, BPF_H, BPF_W
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.1; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            size, imm = _convert(
                self, 'ld_abs', _ARGS['mapops_ld_abs'], (size, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_abs(): the program is closed')
            _ret = DIRECT.mapops_ld_abs(_handle, size, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_abs')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_ind(self, size: int, src: int, imm: int) -> None:
        """mapops_ld_ind() of <mapops/mapops.h>: appends to the program.

        size: size32 (int) -- BPF_B, BPF_H, BPF_W
        src: reg (int) -- a register, BPF_REG_0..BPF_REG_10
        imm: s32 (__s32) -- a signed 32-bit immediate

        Since MAPOPS_1.1; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(size) is _int and
                -1073741823 <= size and size <= 1073741823 and
                _type(src) is _int and
                -1073741823 <= src and src <= 1073741823 and
                _type(imm) is _int and
                -1073741823 <= imm and imm <= 1073741823):
            size, src, imm = _convert(
                self, 'ld_ind', _ARGS['mapops_ld_ind'], (size, src, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_ind(): the program is closed')
            _ret = DIRECT.mapops_ld_ind(_handle, size, src, imm)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_ind')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_imm64(self, dst: int, imm: int) -> None:
        """mapops_ld_imm64() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        imm: u64 (__u64) -- an unsigned 64-bit immediate

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(imm) is _int and
                0 <= imm and imm <= 1073741823):
            dst, imm = _convert(
                self, 'ld_imm64', _ARGS['mapops_ld_imm64'], (dst, imm))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_imm64(): the program is closed')
            _ret = DIRECT.mapops_ld_imm64(_handle, dst, c_uint64(imm))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_imm64')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_map_fd(self, dst: int, map_fd: int) -> None:
        """mapops_ld_map_fd() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823):
            dst, map_fd = _convert(
                self, 'ld_map_fd', _ARGS['mapops_ld_map_fd'], (dst, map_fd))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_map_fd(): the program is closed')
            _ret = DIRECT.mapops_ld_map_fd(_handle, dst, map_fd)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_map_fd')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def call_helper(self, helper_id: int) -> None:
        """mapops_call_helper() of <mapops/mapops.h>: appends to the program.

        helper_id: helper (int) -- a helper function id, BPF_FUNC_*

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(helper_id) is _int and
                -1073741823 <= helper_id and helper_id <= 1073741823):
            helper_id, = _convert(
                self, 'call_helper', _ARGS['mapops_call_helper'], (helper_id,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.call_helper(): the program is closed')
            _ret = DIRECT.mapops_call_helper(_handle, helper_id)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'call_helper')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def call_kfunc(self, btf_id: int) -> None:
        """mapops_call_kfunc() of <mapops/mapops.h>: appends to the program.

        btf_id: btf_id (__s32) -- a BTF type id in the running kernel's BTF,
            > 0

        Since MAPOPS_1.1; what it emits needs kernel 5.13 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(btf_id) is _int and
                -1073741823 <= btf_id and btf_id <= 1073741823):
            btf_id, = _convert(
                self, 'call_kfunc', _ARGS['mapops_call_kfunc'], (btf_id,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.call_kfunc(): the program is closed')
            _ret = DIRECT.mapops_call_kfunc(_handle, btf_id)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'call_kfunc')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def call_kfunc_name(self, name: Label) -> None:
        """mapops_call_kfunc_name() of <mapops/mapops.h>: appends to the program.

        name: kfunc (const char *) -- a kernel function's name in the
            running kernel's BTF

        Since MAPOPS_1.1; what it emits needs kernel 5.13 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        _c_name = name
        if _type(name) is _str:
            try:
                _c_name = name.encode()
            except _UnicodeEncodeError:
                pass  # still a str: refused by _convert()
        if not (_type(_c_name) is _bytes and 0 not in _c_name):
            _c_name, = _convert(
                self, 'call_kfunc_name', _ARGS['mapops_call_kfunc_name'], (name,))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.call_kfunc_name(): the program is closed')
            _ret = DIRECT.mapops_call_kfunc_name(_handle, _c_name)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'call_kfunc_name')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def exit(self) -> None:
        """mapops_exit() of <mapops/mapops.h>: appends to the program.

        Since MAPOPS_1.0; what it emits needs kernel 3.18 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.exit(): the program is closed')
            _ret = DIRECT.mapops_exit(_handle)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'exit')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_lookup(self, map_fd: int, key_stack_off: int) -> None:
        """mapops_map_lookup() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823):
            map_fd, key_stack_off = _convert(
                self, 'map_lookup', _ARGS['mapops_map_lookup'], (map_fd, key_stack_off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_lookup(): the program is closed')
            _ret = DIRECT.mapops_map_lookup(_handle, map_fd, key_stack_off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_lookup')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_lookup_ptr(self, map_fd: int, key_reg: int) -> None:
        """mapops_map_lookup_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_reg) is _int and
                -1073741823 <= key_reg and key_reg <= 1073741823):
            map_fd, key_reg = _convert(
                self, 'map_lookup_ptr', _ARGS['mapops_map_lookup_ptr'], (map_fd, key_reg))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_lookup_ptr(): the program is closed')
            _ret = DIRECT.mapops_map_lookup_ptr(_handle, map_fd, key_reg)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_lookup_ptr')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_update(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            flags: int) -> None:
        """mapops_map_update() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            map_fd, key_stack_off, value_stack_off, flags = _convert(
                self, 'map_update', _ARGS['mapops_map_update'], (map_fd, key_stack_off, value_stack_off, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_update(): the program is closed')
            _ret = DIRECT.mapops_map_update(
                _handle, map_fd, key_stack_off, value_stack_off, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_update')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_update_ptr(
            self,
            map_fd: int,
            key_reg: int,
            value_reg: int,
            flags: int) -> None:
        """mapops_map_update_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        value_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_reg) is _int and
                -1073741823 <= key_reg and key_reg <= 1073741823 and
                _type(value_reg) is _int and
                -1073741823 <= value_reg and value_reg <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            map_fd, key_reg, value_reg, flags = _convert(
                self, 'map_update_ptr', _ARGS['mapops_map_update_ptr'], (map_fd, key_reg, value_reg, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_update_ptr(): the program is closed')
            _ret = DIRECT.mapops_map_update_ptr(
                _handle, map_fd, key_reg, value_reg, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_update_ptr')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_delete(self, map_fd: int, key_stack_off: int) -> None:
        """mapops_map_delete() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823):
            map_fd, key_stack_off = _convert(
                self, 'map_delete', _ARGS['mapops_map_delete'], (map_fd, key_stack_off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_delete(): the program is closed')
            _ret = DIRECT.mapops_map_delete(_handle, map_fd, key_stack_off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_delete')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_delete_ptr(self, map_fd: int, key_reg: int) -> None:
        """mapops_map_delete_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_reg) is _int and
                -1073741823 <= key_reg and key_reg <= 1073741823):
            map_fd, key_reg = _convert(
                self, 'map_delete_ptr', _ARGS['mapops_map_delete_ptr'], (map_fd, key_reg))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_delete_ptr(): the program is closed')
            _ret = DIRECT.mapops_map_delete_ptr(_handle, map_fd, key_reg)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_delete_ptr')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_increment(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            increment: int) -> None:
        """mapops_map_increment() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]
        increment: s64 (__s64) -- a signed 64-bit value

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823 and
                _type(increment) is _int and
                -1073741823 <= increment and increment <= 1073741823):
            map_fd, key_stack_off, value_stack_off, increment = _convert(
                self, 'map_increment', _ARGS['mapops_map_increment'], (map_fd, key_stack_off, value_stack_off, increment))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_increment(): the program is closed')
            _ret = DIRECT.mapops_map_increment(
                _handle, map_fd, key_stack_off, value_stack_off, c_int64(increment))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_increment')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_increment_atomic(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            increment: int) -> None:
        """mapops_map_increment_atomic() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]
        increment: s64 (__s64) -- a signed 64-bit value

        Since MAPOPS_1.0; what it emits needs kernel 5.1 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823 and
                _type(increment) is _int and
                -1073741823 <= increment and increment <= 1073741823):
            map_fd, key_stack_off, value_stack_off, increment = _convert(
                self, 'map_increment_atomic', _ARGS['mapops_map_increment_atomic'], (map_fd, key_stack_off, value_stack_off, increment))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_increment_atomic(): the program is closed')
            _ret = DIRECT.mapops_map_increment_atomic(
                _handle, map_fd, key_stack_off, value_stack_off, c_int64(increment))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_increment_atomic')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_lookup_or_init(
            self,
            map_fd: int,
            key_stack_off: int,
            init_value_stack_off: int) -> None:
        """mapops_map_lookup_or_init() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        init_value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]

        Since MAPOPS_1.0; what it emits needs kernel 3.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823 and
                _type(init_value_stack_off) is _int and
                -1073741823 <= init_value_stack_off and init_value_stack_off <= 1073741823):
            map_fd, key_stack_off, init_value_stack_off = _convert(
                self, 'map_lookup_or_init', _ARGS['mapops_map_lookup_or_init'], (map_fd, key_stack_off, init_value_stack_off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_lookup_or_init(): the program is closed')
            _ret = DIRECT.mapops_map_lookup_or_init(
                _handle, map_fd, key_stack_off, init_value_stack_off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_lookup_or_init')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ringbuf_output(
            self,
            map_fd: int,
            data_stack_off: int,
            size: int,
            flags: int) -> None:
        """mapops_ringbuf_output() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        data_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        size: u32 (__u32) -- an unsigned 32-bit value: a size, an index, an
            offset
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 5.8 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(data_stack_off) is _int and
                -1073741823 <= data_stack_off and data_stack_off <= 1073741823 and
                _type(size) is _int and
                0 <= size and size <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            map_fd, data_stack_off, size, flags = _convert(
                self, 'ringbuf_output', _ARGS['mapops_ringbuf_output'], (map_fd, data_stack_off, size, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ringbuf_output(): the program is closed')
            _ret = DIRECT.mapops_ringbuf_output(
                _handle, map_fd, data_stack_off, c_uint32(size), c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ringbuf_output')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ringbuf_reserve(self, map_fd: int, size: int) -> None:
        """mapops_ringbuf_reserve() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        size: u32 (__u32) -- an unsigned 32-bit value: a size, an index, an
            offset

        Since MAPOPS_1.1; what it emits needs kernel 5.8 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(size) is _int and
                0 <= size and size <= 1073741823):
            map_fd, size = _convert(
                self, 'ringbuf_reserve', _ARGS['mapops_ringbuf_reserve'], (map_fd, size))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ringbuf_reserve(): the program is closed')
            _ret = DIRECT.mapops_ringbuf_reserve(
                _handle, map_fd, c_uint32(size))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ringbuf_reserve')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ringbuf_submit(self, ptr_reg: int, flags: int) -> None:
        """mapops_ringbuf_submit() of <mapops/mapops.h>: appends to the program.

        ptr_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 5.8 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(ptr_reg) is _int and
                -1073741823 <= ptr_reg and ptr_reg <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            ptr_reg, flags = _convert(
                self, 'ringbuf_submit', _ARGS['mapops_ringbuf_submit'], (ptr_reg, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ringbuf_submit(): the program is closed')
            _ret = DIRECT.mapops_ringbuf_submit(
                _handle, ptr_reg, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ringbuf_submit')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ringbuf_discard(self, ptr_reg: int, flags: int) -> None:
        """mapops_ringbuf_discard() of <mapops/mapops.h>: appends to the program.

        ptr_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 5.8 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(ptr_reg) is _int and
                -1073741823 <= ptr_reg and ptr_reg <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            ptr_reg, flags = _convert(
                self, 'ringbuf_discard', _ARGS['mapops_ringbuf_discard'], (ptr_reg, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ringbuf_discard(): the program is closed')
            _ret = DIRECT.mapops_ringbuf_discard(
                _handle, ptr_reg, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ringbuf_discard')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def perf_event_output(
            self,
            ctx_reg: int,
            map_fd: int,
            data_stack_off: int,
            size: int,
            flags: int) -> None:
        """mapops_perf_event_output() of <mapops/mapops.h>: appends to the program.

        ctx_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        data_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        size: u32 (__u32) -- an unsigned 32-bit value: a size, an index, an
            offset
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 4.4 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(ctx_reg) is _int and
                -1073741823 <= ctx_reg and ctx_reg <= 1073741823 and
                _type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(data_stack_off) is _int and
                -1073741823 <= data_stack_off and data_stack_off <= 1073741823 and
                _type(size) is _int and
                0 <= size and size <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            ctx_reg, map_fd, data_stack_off, size, flags = _convert(
                self, 'perf_event_output', _ARGS['mapops_perf_event_output'], (ctx_reg, map_fd, data_stack_off, size, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.perf_event_output(): the program is closed')
            _ret = DIRECT.mapops_perf_event_output(
                _handle, ctx_reg, map_fd, data_stack_off, c_uint32(size), c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'perf_event_output')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_push(self, map_fd: int, value_stack_off: int, flags: int) -> None:
        """mapops_map_push() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]
        flags: flags (__u64) -- BPF_* flags

        Since MAPOPS_1.1; what it emits needs kernel 4.20 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823 and
                _type(flags) is _int and
                0 <= flags and flags <= 1073741823):
            map_fd, value_stack_off, flags = _convert(
                self, 'map_push', _ARGS['mapops_map_push'], (map_fd, value_stack_off, flags))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_push(): the program is closed')
            _ret = DIRECT.mapops_map_push(
                _handle, map_fd, value_stack_off, c_uint64(flags))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_push')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_pop(self, map_fd: int, value_stack_off: int) -> None:
        """mapops_map_pop() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]

        Since MAPOPS_1.1; what it emits needs kernel 4.20 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823):
            map_fd, value_stack_off = _convert(
                self, 'map_pop', _ARGS['mapops_map_pop'], (map_fd, value_stack_off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_pop(): the program is closed')
            _ret = DIRECT.mapops_map_pop(_handle, map_fd, value_stack_off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_pop')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_peek(self, map_fd: int, value_stack_off: int) -> None:
        """mapops_map_peek() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        value_stack_off: stack_off (int) -- an offset from r10 into the
            stack frame, [-512, -1]

        Since MAPOPS_1.1; what it emits needs kernel 4.20 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(value_stack_off) is _int and
                -1073741823 <= value_stack_off and value_stack_off <= 1073741823):
            map_fd, value_stack_off = _convert(
                self, 'map_peek', _ARGS['mapops_map_peek'], (map_fd, value_stack_off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_peek(): the program is closed')
            _ret = DIRECT.mapops_map_peek(_handle, map_fd, value_stack_off)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_peek')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def tail_call(self, ctx_reg: int, map_fd: int, index: int) -> None:
        """mapops_tail_call() of <mapops/mapops.h>: appends to the program.

        ctx_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        index: u32 (__u32) -- an unsigned 32-bit value: a size, an index, an
            offset

        Since MAPOPS_1.1; what it emits needs kernel 4.2 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(ctx_reg) is _int and
                -1073741823 <= ctx_reg and ctx_reg <= 1073741823 and
                _type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(index) is _int and
                0 <= index and index <= 1073741823):
            ctx_reg, map_fd, index = _convert(
                self, 'tail_call', _ARGS['mapops_tail_call'], (ctx_reg, map_fd, index))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.tail_call(): the program is closed')
            _ret = DIRECT.mapops_tail_call(
                _handle, ctx_reg, map_fd, c_uint32(index))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'tail_call')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def tail_call_reg(self, ctx_reg: int, map_fd: int, index_reg: int) -> None:
        """mapops_tail_call_reg() of <mapops/mapops.h>: appends to the program.

        ctx_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        index_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9

        Since MAPOPS_1.1; what it emits needs kernel 4.2 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(ctx_reg) is _int and
                -1073741823 <= ctx_reg and ctx_reg <= 1073741823 and
                _type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(index_reg) is _int and
                -1073741823 <= index_reg and index_reg <= 1073741823):
            ctx_reg, map_fd, index_reg = _convert(
                self, 'tail_call_reg', _ARGS['mapops_tail_call_reg'], (ctx_reg, map_fd, index_reg))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.tail_call_reg(): the program is closed')
            _ret = DIRECT.mapops_tail_call_reg(
                _handle, ctx_reg, map_fd, index_reg)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'tail_call_reg')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def map_lookup_percpu(
            self,
            map_fd: int,
            key_stack_off: int,
            cpu_reg: int) -> None:
        """mapops_map_lookup_percpu() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        key_stack_off: stack_off (int) -- an offset from r10 into the stack
            frame, [-512, -1]
        cpu_reg: ptr_reg (int) -- a register holding a pointer,
            BPF_REG_0..BPF_REG_9

        Since MAPOPS_1.1; what it emits needs kernel 5.19 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(key_stack_off) is _int and
                -1073741823 <= key_stack_off and key_stack_off <= 1073741823 and
                _type(cpu_reg) is _int and
                -1073741823 <= cpu_reg and cpu_reg <= 1073741823):
            map_fd, key_stack_off, cpu_reg = _convert(
                self, 'map_lookup_percpu', _ARGS['mapops_map_lookup_percpu'], (map_fd, key_stack_off, cpu_reg))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.map_lookup_percpu(): the program is closed')
            _ret = DIRECT.mapops_map_lookup_percpu(
                _handle, map_fd, key_stack_off, cpu_reg)
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'map_lookup_percpu')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)

    def ld_map_value(self, dst: int, map_fd: int, off: int) -> None:
        """mapops_ld_map_value() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor,
            mapops_map_reg(r) or mapops_map_ref(prog, name)
        off: u32 (__u32) -- an unsigned 32-bit value: a size, an index, an
            offset

        Since MAPOPS_1.1; what it emits needs kernel 5.5 or later. Returns
        None, or raises mapops.Error (the library refused: nothing was
        appended), TypeError or ValueError (an argument refused before the C
        call), ValueError (the program is closed).
        """
        if not (_type(dst) is _int and
                -1073741823 <= dst and dst <= 1073741823 and
                _type(map_fd) is _int and
                -1073741823 <= map_fd and map_fd <= 1073741823 and
                _type(off) is _int and
                0 <= off and off <= 1073741823):
            dst, map_fd, off = _convert(
                self, 'ld_map_value', _ARGS['mapops_ld_map_value'], (dst, map_fd, off))
        with self._lock:
            _handle = self._handle
            if _handle is None:
                raise _ValueError('Program.ld_map_value(): the program is closed')
            _ret = DIRECT.mapops_ld_map_value(
                _handle, dst, map_fd, c_uint32(off))
            if _ret < 0:
                raise _refused(-_ret, C.mapops_prog_error(_handle), 'ld_map_value')
            _calls = self._calls
            if _calls is not None:
                _f = _getframe(1)
                if _f.f_code is not self._code:
                    self._code = _f.f_code
                    _calls.append(_f.f_code)
                _calls.append(_f.f_lasti)
