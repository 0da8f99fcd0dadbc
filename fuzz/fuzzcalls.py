#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Call lists for fuzz/fuzz-api.c: text one call a line, and its input bytes.

A call list is text, one call a line, written as the C call without the
program handle (the arguments in the header's order):

    # comment
    exit()
    jmp_imm('jeq', 1, -1, 'out')
    atomic_op('dw', 'fetch_add', 10, 1, -16)
    null map_lookup(3, -4)          # the same call on a NULL handle
    fail_alloc(0)                   # the library's next allocation fails
    generic('map_lookup', 3, -4)    # through the generic path, by kind

Arguments are Python literals: integers, strings (op and size names as the
model's tables spell them, or label and tag text), None (a NULL text),
b'...' (label bytes), ('long', N) (a long name), ('pool', I) (the Ith name
used so far).  The functions are named as in lib/mapops.api without
"mapops_"; the harness's own calls are listed in CALLS below.  Each line
becomes the call's id (the function's fn ID in lib/mapops.api, or an
ACTION_ id read from fuzz-api.c) and its argument bytes, so a call list
means the same calls whatever functions are added later.

    fuzz/fuzzcalls.py compile IN.calls OUT   write the input bytes
    fuzz/fuzzcalls.py check IN.calls...      exit 1 naming a bad line
"""
import ast
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TOP, "tools"))
from mapops_api import model  # noqa: E402

LD64 = 0x18


def _actions():
    """ID_ and ACTION_ values: written once, in fuzz-api.c."""
    text = open(os.path.join(HERE, "fuzz-api.c")).read()
    found = dict(re.findall(r"^#define ((?:ACTION|ID)_\w+) (0x[0-9a-fA-F]+)", text, re.M))
    return {k: int(v, 16) for k, v in found.items()}


API = model.load()
ACT = _actions()

# The decoder's tables, by name, in order (fuzz-api.c).
ALU_OPS = ['add', 'sub', 'mul', 'div', 'mod', 'or', 'and', 'xor', 'lsh', 'rsh',
           'arsh', 'mov', 'neg', 'end', 'bad_e0', 'bad_f0', 'bad_08', 'bad_01',
           'bad_m1', 'bad_100']
JMP_OPS = ['jeq', 'jne', 'jgt', 'jge', 'jlt', 'jle', 'jset', 'jsgt', 'jsge',
           'jslt', 'jsle', 'ja', 'call', 'exit', 'bad_e0', 'bad_f0', 'bad_08',
           'bad_15', 'bad_m1']
SIZES = ['w', 'h', 'b', 'dw']
ATOMIC_OPS = ['add', 'or', 'and', 'xor', 'fetch_add', 'fetch_or', 'fetch_and',
              'fetch_xor', 'xchg', 'cmpxchg', 'bad_sub', 'bad_fetch_sub',
              'bad_e0', 'bad_f0', 'bad_02', 'bad_m1', 'bad_mul']
ENDIAN_TYPES = ['le', 'be', 'bad_1', 'bad_10', 'bad_m1']
ENDIAN_BITS = [16, 32, 64, 0, 8, 128, -16, 48]
COMMON_NAMES = ['a', 'b', 'c', 'out', 'loop', 'miss', 'L0', 'x']
LONG_LENS = [254, 255, 256, 257, 300, 1000]


def u8(v): return bytes([v & 0xff])
def u16(v): return struct.pack('<H', v & 0xffff)
def u32(v): return struct.pack('<I', v & 0xffffffff)
def u64(v): return struct.pack('<Q', v & 0xffffffffffffffff)


def reg(r):
    """-2..16 as themselves; anything else through the odd-values table."""
    if -2 <= r <= 16:
        return u8(r + 2)
    odd = {-(2**31): 247, 2**31 - 1: 248, -100: 249, 255: 250}
    return u8(odd[r])


def raw32(v): return u8(255) + u32(v)       # get_off/get_imm/get_fd/get_helper/ops
def raw64(v): return u8(255) + u64(v)       # get_s64/get_flags/get_size_t


def op(table, v):
    """An entry of the decoder's table by name, or any value raw."""
    return u8(0) + u8(table.index(v)) if isinstance(v, str) else raw32(v)


def name(n):
    """A label name or tag: None, '', a common name, bytes, ('long', L),
    ('pool', I)."""
    if n is None:
        return u8(0)
    if n == '':
        return u8(1)
    if isinstance(n, tuple) and n[0] == 'pool':
        return u8(2) + u8(n[1])
    if isinstance(n, tuple) and n[0] == 'long':
        return u8(6) + u8(LONG_LENS.index(n[1])) + u8(0) + u8(0) + u8(0x41)
    if n in COMMON_NAMES:
        return u8(7) + u8(COMMON_NAMES.index(n))
    b = n.encode('latin-1') if isinstance(n, str) else bytes(n)
    assert 1 <= len(b) <= 24, "a name of 1..24 bytes, ('long', N) or ('pool', I)"
    return u8(4) + u8(len(b) - 1) + b


# The generic path's encoding of one argument, by kind (fuzz-api.c get_arg).
def generic_arg(kind, ctype, v):
    if kind == 'insns':
        if v is None:
            return u8(0) + u8(0)
        assert len(v) <= 12, "at most 12 slots"
        b = u8(1) + u8(len(v))
        for code, dst, src, off, imm in v:
            b += u8(code) + u8((dst & 0xf) | (src & 0xf) << 4) + u16(off) + u32(imm)
        return b
    if ctype == 'const char *':
        return name(v)
    if kind in ('reg', 'dst', 'ptr_reg'):
        return reg(v)
    if kind in ('stack_off', 'off', 'map', 'alu_op', 'jmp_op', 'size',
                'atomic_op', 'helper'):
        return raw32(v)
    if kind in ('s64', 'u64', 'flags', 'slot', 'count', 'bufsize') or \
            ctype.startswith(('__u', 'unsigned')) or ctype == 'size_t':
        return raw64(v)
    return raw32(v)  # s32, endian, bits, any other integer


def generic_kinds(f):
    """The arguments after the handle as the generic path takes them: an
    insns argument and its count are one."""
    out, args, i = [], f.args[1:], 0
    while i < len(args):
        a = args[i]
        out.append((a.kind.name, a.ctype))
        i += 2 if a.kind.name == 'insns' else 1
    return out


class Seq:
    """Calls as the fuzzer's input bytes; each method is one call."""

    def __init__(self):
        self.b = b''
        self._null = False

    def null(self):
        """The next call gets a NULL handle."""
        self._null = True
        return self

    def _id(self, fid):
        b = u8(ACT['ACTION_NULL_HANDLE']) if self._null else b''
        self._null = False
        if fid < ACT['ID_ACTIONS_FIRST']:
            return b + u8(fid)
        return b + u8(ACT['ID_EXTENDED']) + u16(fid)

    def fn(self, fname):
        f = API.function(fname)
        assert f, "lib/mapops.api describes no %s" % fname
        self.b += self._id(f.id)
        return self

    # ---- the harness's actions
    def fail_alloc(self, n):
        """The library's nth allocation from now fails (once)."""
        self._null = False
        self.b += u8(ACT['ACTION_FAIL_ALLOC']) + u8(n)
        return self

    def generic(self, fname, *args):
        """The function through the generic path, its arguments by kind."""
        f = API.function(fname)
        assert f, "lib/mapops.api describes no %s" % fname
        kinds = generic_kinds(f)
        assert len(args) == len(kinds), "%s takes %d arguments here" % (fname, len(kinds))
        b = u8(ACT['ACTION_NULL_HANDLE']) if self._null else b''
        self._null = False
        self.b += b + u8(ACT['ACTION_GENERIC']) + u16(f.id)
        for (kind, ctype), v in zip(kinds, args):
            self.b += generic_arg(kind, ctype, v)
        return self

    # ---- the modelled functions, arguments in the header's order
    def label(self, n):
        self.fn('label').b += name(n)
        return self

    def _jmp(self, f, o, dst, x, label, reg_form):
        self.fn(f).b += op(JMP_OPS, o) + reg(dst) + (reg(x) if reg_form else raw32(x))
        self.b += name(label)
        return self

    def jmp_imm(self, o, r, imm, label): return self._jmp('jmp_imm', o, r, imm, label, False)
    def jmp_reg(self, o, dst, src, label): return self._jmp('jmp_reg', o, dst, src, label, True)
    def jmp32_imm(self, o, r, imm, label): return self._jmp('jmp32_imm', o, r, imm, label, False)
    def jmp32_reg(self, o, dst, src, label): return self._jmp('jmp32_reg', o, dst, src, label, True)

    def ja(self, label):
        self.fn('ja').b += name(label)
        return self

    def _alu(self, f, o, dst, x, imm_form):
        self.fn(f).b += op(ALU_OPS, o) + reg(dst) + (raw32(x) if imm_form else reg(x))
        return self

    def alu64_imm(self, o, dst, imm): return self._alu('alu64_imm', o, dst, imm, True)
    def alu64_reg(self, o, dst, src): return self._alu('alu64_reg', o, dst, src, False)
    def alu32_imm(self, o, dst, imm): return self._alu('alu32_imm', o, dst, imm, True)
    def alu32_reg(self, o, dst, src): return self._alu('alu32_reg', o, dst, src, False)

    def endian(self, t, dst, bits):
        self.fn('endian').b += (u8(ENDIAN_TYPES.index(t)) + reg(dst) +
                                u8(ENDIAN_BITS.index(bits)))
        return self

    # do_mem reads size, dst, src (not st), op (atomic), off, imm (st)
    def ldx_mem(self, size, dst, src, off):
        self.fn('ldx_mem').b += op(SIZES, size) + reg(dst) + reg(src) + raw32(off)
        return self

    def stx_mem(self, size, dst, src, off):
        self.fn('stx_mem').b += op(SIZES, size) + reg(dst) + reg(src) + raw32(off)
        return self

    def st_mem(self, size, dst, off, imm):
        self.fn('st_mem').b += op(SIZES, size) + reg(dst) + raw32(off) + raw32(imm)
        return self

    def atomic_op(self, size, o, dst, src, off):
        self.fn('atomic_op').b += (op(SIZES, size) + reg(dst) + reg(src) +
                                   op(ATOMIC_OPS, o) + raw32(off))
        return self

    def ld_imm64(self, dst, imm):
        self.fn('ld_imm64').b += reg(dst) + raw64(imm)
        return self

    def ld_map_fd(self, dst, fd):
        self.fn('ld_map_fd').b += reg(dst) + raw32(fd)
        return self

    def call_helper(self, hid):
        self.fn('call_helper').b += raw32(hid)
        return self

    def exit(self):
        return self.fn('exit')

    # mapops_emit, by the decoder's modes
    def emit_null(self, cnt):
        """NULL slots with a count."""
        self.fn('emit').b += u8(0)
        if cnt < 3:
            self.b += u8(1) + u8(cnt)
        else:
            self.b += u8(0) + u64(cnt)
        return self

    def emit_fill(self, delta=0):
        """Zero slots up to the 1,000,000-slot limit, + delta (-3..3)."""
        self.fn('emit').b += u8(1) + u8(0xb1) + u8(delta + 3)
        return self

    def emit_far(self, extra=0):
        """32760 + extra zero slots: labels out of a jump's reach."""
        self.fn('emit').b += u8(2) + u8(0xb2) + u8(extra)
        return self

    def emit_ld_pair(self, dst, src, lo, hi, half=False):
        """A raw ld_imm64, or its first half alone."""
        self.fn('emit').b += u8(4 if half else 3) + u8(dst) + u8(src) + u32(lo) + u32(hi)
        return self

    def emit_second(self, imm, code=0, dst=0):
        """A second half of an ld_imm64 (or a slot that is not one) alone."""
        self.fn('emit').b += u8(5)
        self.b += u8(1) if code == 0 else u8(0) + u8(code)
        self.b += u8(1) if dst == 0 else u8(0) + u8(dst)
        self.b += u8(1) + u8(1) + u32(imm)
        return self

    def emit_self(self, frm, cnt):
        """The program's own slots [frm, frm + cnt), from its own array."""
        self.fn('emit').b += u8(6) + u16(frm) + u16(cnt - 1)
        return self

    def emit(self, insns):
        """Raw slots: (code, dst, src, off, imm) tuples, at most 12."""
        self.fn('emit').b += u8(7) + u8(len(insns))
        prev = None
        for code, dst, src, off, imm in insns:
            self.b += u8(200) + u8(code)
            self.b += (u8(0) + u8(dst)) if dst <= 10 else (u8(15) + u8(dst))
            self.b += (u8(0) + u8(src)) if src <= 10 else (u8(15) + u8(src))
            self.b += (u8(1) if off == 0 else u8(0) + u16(off))
            self.b += u8(0) + u32(imm)
            if prev is not None and code != LD64 and prev == LD64:
                self.b += u8(0)  # keep the slot as given
            prev = code
        return self

    def prog_set_tag(self, tag):
        self.fn('prog_set_tag').b += u8(1) + name(tag)
        return self

    def prog_set_tag_self(self, slot):
        """The tag mapops_prog_insn_origin() returns for slot, set again."""
        self.fn('prog_set_tag').b += u8(0) + u16(slot)
        return self

    def prog_insn_origin(self, which='slot', slot=0, outs=7):
        """which: first, last, len, huge (SIZE_MAX) or slot; outs: bit 0
        call, 1 index, 2 tag."""
        self.fn('prog_insn_origin')
        self.b += {'first': u8(0) + u8(outs), 'last': u8(1) + u8(outs),
                   'len': u8(2) + u8(outs), 'huge': u8(3) + u8(outs) + u8(0)
                   }.get(which, u8(4) + u8(outs) + u32(slot))
        return self

    def prog_insns(self, null_cnt=False):
        self.fn('prog_insns').b += u8(0 if null_cnt else 1)
        return self

    def insn_snprint(self, size_idx, slot):
        """A copy of the last 64 slots printed into a buffer of the
        size_idx-th size (0 1 2 8 16 31 64 128 256)."""
        self.fn('insn_snprint').b += u8(size_idx) + u8(slot)
        return self

    def prog_dump(self):
        return self.fn('prog_dump')

    def prog_dump_text(self):
        return self.fn('prog_dump_text')

    def prog_len(self):
        """The queries that cannot fail (length, error text, free(NULL))."""
        return self.fn('prog_len')

    def map_lookup(self, fd, key):
        self.fn('map_lookup').b += raw32(fd) + raw32(key)
        return self

    def map_delete(self, fd, key):
        self.fn('map_delete').b += raw32(fd) + raw32(key)
        return self

    def map_update(self, fd, key, value, flags):
        self.fn('map_update').b += raw32(fd) + raw32(key) + raw32(value) + raw64(flags)
        return self

    def map_lookup_ptr(self, fd, r):
        self.fn('map_lookup_ptr').b += raw32(fd) + reg(r)
        return self

    def map_delete_ptr(self, fd, r):
        self.fn('map_delete_ptr').b += raw32(fd) + reg(r)
        return self

    def map_update_ptr(self, fd, k, v, flags):
        self.fn('map_update_ptr').b += raw32(fd) + reg(k) + reg(v) + raw64(flags)
        return self

    def map_increment(self, fd, key, value, inc):
        self.fn('map_increment').b += raw32(fd) + raw32(key) + raw32(value) + raw64(inc)
        return self

    def map_increment_atomic(self, fd, key, value, inc):
        self.fn('map_increment_atomic').b += (raw32(fd) + raw32(key) + raw32(value) +
                                              raw64(inc))
        return self

    def map_lookup_or_init(self, fd, key, value):
        self.fn('map_lookup_or_init').b += raw32(fd) + raw32(key) + raw32(value)
        return self


CALLS = sorted(n for n in vars(Seq) if not n.startswith('_') and n not in ('fn', 'null'))


class Error(Exception):
    pass


def compile_text(text, where='<text>'):
    """A call list's input bytes."""
    s = Seq()
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        null = False
        if line.startswith('null '):
            null, line = True, line[5:].strip()
        try:
            node = ast.parse(line, mode='eval').body
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                raise ValueError("not a call")
            fname = node.func.id
            if fname not in CALLS:
                raise ValueError("no call %s (calls: %s)" % (fname, ", ".join(CALLS)))
            args = [ast.literal_eval(a) for a in node.args]
            kw = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            if null:
                s.null()
            getattr(s, fname)(*args, **kw)
        except (SyntaxError, ValueError, TypeError, AssertionError, KeyError) as e:
            raise Error("%s:%d: %s: %s" % (where, no, raw.strip(), e or type(e).__name__))
    return s.b


def main(argv):
    if len(argv) == 4 and argv[1] == 'compile':
        try:
            b = compile_text(open(argv[2]).read(), argv[2])
        except Error as e:
            print("fuzzcalls: %s" % e, file=sys.stderr)
            return 1
        with open(argv[3], 'wb') as f:
            f.write(b)
        return 0
    if len(argv) >= 3 and argv[1] == 'check':
        bad = 0
        for p in argv[2:]:
            try:
                compile_text(open(p).read(), p)
            except Error as e:
                print("fuzzcalls: %s" % e, file=sys.stderr)
                bad += 1
        return 1 if bad else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
