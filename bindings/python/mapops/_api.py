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
    ('MAX_INSNS', 'MAPOPS_MAX_INSNS'),
    ('STACK_SIZE', 'MAPOPS_STACK_SIZE'),
    ('LABEL_MAX', 'MAPOPS_LABEL_MAX'),
    ('TAG_MAX', 'MAPOPS_TAG_MAX'),
    ('MAP_LOOKUP_SLOTS', 'MAPOPS_MAP_LOOKUP_SLOTS'),
    ('MAP_UPDATE_SLOTS', 'MAPOPS_MAP_UPDATE_SLOTS'),
    ('MAP_DELETE_SLOTS', 'MAPOPS_MAP_DELETE_SLOTS'),
    ('MAP_LOOKUP_OR_INIT_SLOTS', 'MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS'),
)

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
    'mapops_alu64_imm',
    'mapops_alu64_reg',
    'mapops_alu32_imm',
    'mapops_alu32_reg',
    'mapops_endian',
    'mapops_ldx_mem',
    'mapops_stx_mem',
    'mapops_st_mem',
    'mapops_atomic_op',
    'mapops_ld_imm64',
    'mapops_ld_map_fd',
    'mapops_call_helper',
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
})

#: The generated methods of Builders: C name -> method name.
METHODS = {
    'mapops_label': 'label',
    'mapops_jmp_imm': 'jmp_imm',
    'mapops_jmp_reg': 'jmp_reg',
    'mapops_jmp32_imm': 'jmp32_imm',
    'mapops_jmp32_reg': 'jmp32_reg',
    'mapops_ja': 'ja',
    'mapops_alu64_imm': 'alu64_imm',
    'mapops_alu64_reg': 'alu64_reg',
    'mapops_alu32_imm': 'alu32_imm',
    'mapops_alu32_reg': 'alu32_reg',
    'mapops_endian': 'endian',
    'mapops_ldx_mem': 'ldx_mem',
    'mapops_stx_mem': 'stx_mem',
    'mapops_st_mem': 'st_mem',
    'mapops_atomic_op': 'atomic_op',
    'mapops_ld_imm64': 'ld_imm64',
    'mapops_ld_map_fd': 'ld_map_fd',
    'mapops_call_helper': 'call_helper',
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
}

#: The functions called with the GIL held (see _lib's docstring).
GIL_HELD_FUNCTIONS = frozenset({
    'mapops_label',
    'mapops_jmp_imm',
    'mapops_jmp_reg',
    'mapops_jmp32_imm',
    'mapops_jmp32_reg',
    'mapops_ja',
    'mapops_alu64_imm',
    'mapops_alu64_reg',
    'mapops_alu32_imm',
    'mapops_alu32_reg',
    'mapops_endian',
    'mapops_ldx_mem',
    'mapops_stx_mem',
    'mapops_st_mem',
    'mapops_atomic_op',
    'mapops_ld_imm64',
    'mapops_ld_map_fd',
    'mapops_call_helper',
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def ld_map_fd(self, dst: int, map_fd: int) -> None:
        """mapops_ld_map_fd() of <mapops/mapops.h>: appends to the program.

        dst: dst (int) -- a register written, BPF_REG_0..BPF_REG_9
        map_fd: map (int) -- a map operand: a map file descriptor

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_lookup(self, map_fd: int, key_stack_off: int) -> None:
        """mapops_map_lookup() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_lookup_ptr(self, map_fd: int, key_reg: int) -> None:
        """mapops_map_lookup_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_update(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            flags: int) -> None:
        """mapops_map_update() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_update_ptr(
            self,
            map_fd: int,
            key_reg: int,
            value_reg: int,
            flags: int) -> None:
        """mapops_map_update_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_delete(self, map_fd: int, key_stack_off: int) -> None:
        """mapops_map_delete() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_delete_ptr(self, map_fd: int, key_reg: int) -> None:
        """mapops_map_delete_ptr() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_increment(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            increment: int) -> None:
        """mapops_map_increment() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_increment_atomic(
            self,
            map_fd: int,
            key_stack_off: int,
            value_stack_off: int,
            increment: int) -> None:
        """mapops_map_increment_atomic() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))

    def map_lookup_or_init(
            self,
            map_fd: int,
            key_stack_off: int,
            init_value_stack_off: int) -> None:
        """mapops_map_lookup_or_init() of <mapops/mapops.h>: appends to the program.

        map_fd: map (int) -- a map operand: a map file descriptor
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
                raise _Error(-_ret, _decode(C.mapops_prog_error(_handle)))
