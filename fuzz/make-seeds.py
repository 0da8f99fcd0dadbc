#!/usr/bin/env python3
"""Writes the seed corpus of fuzz/fuzz-api.c into fuzz/corpus/.

Each seed is a short sequence of calls in the fuzzer's input encoding (this
script mirrors the decoder in fuzz-api.c: keep the two in step).  Together
they make every call kind, valid and refused, with a NULL handle too.

    fuzz/make-seeds.py [OUTDIR]      (default: fuzz/corpus next to this file)
"""
import hashlib
import os
import struct
import sys

LD64 = 0x18
KINDS = {
    'label': 0, 'jmp_imm': 2, 'jmp_reg': 3, 'jmp32_imm': 4, 'jmp32_reg': 5,
    'ja': 6, 'alu64_imm': 7, 'alu64_reg': 8, 'alu32_imm': 9, 'alu32_reg': 10,
    'endian': 11, 'ldx': 12, 'stx': 13, 'st': 14, 'atomic': 15,
    'ld_imm64': 16, 'ld_map_fd': 17, 'call': 18, 'exit': 19, 'emit': 20,
    'set_tag': 22, 'origin': 23, 'insns': 24, 'lookup': 26, 'update': 27,
    'delete': 28, 'lookup_ptr': 29, 'update_ptr': 30, 'delete_ptr': 31,
    'increment': 32, 'increment_atomic': 33, 'lookup_or_init': 34,
    'extra': 35,
}
NULL_BASE = 216  # 216 + kind: the same call with a NULL handle

# The decoder's tables, by name, in order.
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


def raw32(v): return u8(255) + u32(v)       # get_off/get_imm/get_fd/get_helper
def raw64(v): return u8(255) + u64(v)       # get_s64/get_flags
def pick(table, name): return u8(0) + u8(table.index(name))


def name(n):
    """A label name or tag: None, '', a common name, bytes, or ('long', L)."""
    if n is None:
        return u8(0)
    if n == '':
        return u8(1)
    if isinstance(n, tuple) and n[0] == 'pool':
        return u8(2) + u8(n[1])
    if isinstance(n, tuple) and n[0] == 'long':
        return u8(6) + u8(LONG_LENS.index(n[1])) + u8(ord('A') % 26 - 0) + u8(0) + u8(0x41)
    if n in COMMON_NAMES:
        return u8(7) + u8(COMMON_NAMES.index(n))
    b = n.encode('latin-1') if isinstance(n, str) else bytes(n)
    assert 1 <= len(b) <= 24
    return u8(4) + u8(len(b) - 1) + b


class Seq:
    def __init__(self):
        self.b = b''

    def call(self, kind, null=False):
        self.b += u8((NULL_BASE if null else 0) + KINDS[kind])
        return self

    def label(self, n, null=False):
        self.call('label', null).b += name(n)
        return self

    def jmp(self, kind, op, dst, src_or_imm, label, null=False):
        self.call(kind, null)
        if kind != 'ja':
            self.b += pick(JMP_OPS, op) + reg(dst)
            self.b += reg(src_or_imm) if kind.endswith('_reg') else raw32(src_or_imm)
        self.b += name(label)
        return self

    def ja(self, label, null=False):
        self.call('ja', null).b += name(label)
        return self

    def alu(self, kind, op, dst, src_or_imm, null=False):
        self.call(kind, null).b += pick(ALU_OPS, op) + reg(dst)
        self.b += raw32(src_or_imm) if kind.endswith('_imm') else reg(src_or_imm)
        return self

    def endian(self, t, dst, bits, null=False):
        self.call('endian', null).b += (u8(ENDIAN_TYPES.index(t)) + reg(dst) +
                                        u8(ENDIAN_BITS.index(bits)))
        return self

    def mem(self, kind, size, dst, src, off, imm=0, op='add', null=False):
        self.call(kind, null).b += pick(SIZES, size) + reg(dst)
        if kind != 'st':
            self.b += reg(src)
        if kind == 'atomic':
            self.b += pick(ATOMIC_OPS, op)
        self.b += raw32(off)
        if kind == 'st':
            self.b += raw32(imm)
        return self

    def ld_imm64(self, dst, imm, null=False):
        self.call('ld_imm64', null).b += reg(dst) + raw64(imm)
        return self

    def ld_map_fd(self, dst, fd, null=False):
        self.call('ld_map_fd', null).b += reg(dst) + raw32(fd)
        return self

    def helper(self, hid, null=False):
        self.call('call', null).b += raw32(hid)
        return self

    def exit(self, null=False):
        self.call('exit', null)
        return self

    # mapops_emit, by the decoder's modes
    def emit_null(self, cnt, null=False):
        self.call('emit', null).b += u8(0)
        if cnt < 3:
            self.b += u8(1) + u8(cnt)
        else:
            self.b += u8(0) + u64(cnt)
        return self

    def emit_fill_to_limit(self, delta=0):
        self.call('emit').b += u8(1) + u8(0xb1) + u8(delta + 3)
        return self

    def emit_far(self, extra=0):
        self.call('emit').b += u8(2) + u8(0xb2) + u8(extra)
        return self

    def emit_ld_pair(self, dst, src, lo, hi, half=False):
        self.call('emit').b += u8(4 if half else 3) + u8(dst) + u8(src) + u32(lo) + u32(hi)
        return self

    def emit_second(self, imm, code=0, dst=0):
        self.call('emit').b += u8(5)
        self.b += u8(1) if code == 0 else u8(0) + u8(code)
        self.b += u8(1) if dst == 0 else u8(0) + u8(dst)
        self.b += u8(1) + u8(1) + u32(imm)
        return self

    def emit_self(self, frm, cnt):
        self.call('emit').b += u8(6) + u16(frm) + u16(cnt - 1)
        return self

    def emit_raw(self, insns, null=False):
        """insns: (code, dst, src, off, imm) tuples, at most 12."""
        self.call('emit', null).b += u8(7) + u8(len(insns))
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

    def set_tag(self, tag, null=False):
        self.call('set_tag', null).b += u8(1) + name(tag)
        return self

    def set_tag_from_slot(self, slot):
        self.call('set_tag').b += u8(0) + u16(slot)
        return self

    def origin(self, which='slot', slot=0, outs=7, null=False):
        self.call('origin', null)
        if which == 'first':
            self.b += u8(0) + u8(outs)
        elif which == 'last':
            self.b += u8(1) + u8(outs)
        elif which == 'len':
            self.b += u8(2) + u8(outs)
        elif which == 'huge':
            self.b += u8(3) + u8(outs) + u8(0)
        else:
            self.b += u8(4) + u8(outs) + u32(slot)
        return self

    def insns(self, null_cnt=False, null=False):
        self.call('insns', null).b += u8(0 if null_cnt else 1)
        return self

    def lookup(self, fd, key, null=False):
        self.call('lookup', null).b += raw32(fd) + raw32(key)
        return self

    def delete(self, fd, key, null=False):
        self.call('delete', null).b += raw32(fd) + raw32(key)
        return self

    def update(self, fd, key, value, flags, null=False):
        self.call('update', null).b += raw32(fd) + raw32(key) + raw32(value) + raw64(flags)
        return self

    def lookup_ptr(self, fd, r, null=False):
        self.call('lookup_ptr', null).b += raw32(fd) + reg(r)
        return self

    def delete_ptr(self, fd, r, null=False):
        self.call('delete_ptr', null).b += raw32(fd) + reg(r)
        return self

    def update_ptr(self, fd, k, v, flags, null=False):
        self.call('update_ptr', null).b += raw32(fd) + reg(k) + reg(v) + raw64(flags)
        return self

    def increment(self, fd, key, value, inc, atomic=False, null=False):
        self.call('increment_atomic' if atomic else 'increment', null)
        self.b += raw32(fd) + raw32(key) + raw32(value) + raw64(inc)
        return self

    def lookup_or_init(self, fd, key, value, null=False):
        self.call('lookup_or_init', null).b += raw32(fd) + raw32(key) + raw32(value)
        return self

    def dump(self):
        self.call('extra').b += u8(0)
        return self

    def snprint(self, size_idx, slot):
        self.call('extra').b += u8(1) + u8(size_idx) + u8(slot)
        return self

    def queries(self):
        self.call('extra').b += u8(2)
        return self

    def fail_alloc(self, n):
        """The library's nth allocation from now fails (once)."""
        self.call('extra').b += u8(3) + u8(n)
        return self


def seeds():
    S = Seq
    out = {}
    # One seed per call kind, valid, then refused, then on a NULL handle.
    out['label'] = S().label('out').exit().label('end').insns()
    out['label-refusals'] = (S().label(None).label('').label(('long', 256))
                             .label(('long', 255)).label('a').label('a')
                             .label(b'\x01\xff\x7f').label(('pool', 0)))
    out['jumps'] = (S().label('loop').jmp('jmp_imm', 'jeq', 0, 0, 'out')
                    .jmp('jmp_reg', 'jgt', 1, 2, 'loop')
                    .jmp('jmp32_imm', 'jsle', 3, -1, 'out')
                    .jmp('jmp32_reg', 'jset', 10, 10, 'loop').ja('out')
                    .label('out').exit().insns().origin('last'))
    out['jump-refusals'] = (S().jmp('jmp_imm', 'ja', 0, 0, 'out')
                            .jmp('jmp_imm', 'call', 0, 0, 'out')
                            .jmp('jmp_reg', 'jeq', 11, 0, 'out')
                            .jmp('jmp_reg', 'jeq', 0, -1, 'out')
                            .jmp('jmp32_imm', 'bad_e0', 0, 0, 'x')
                            .ja(None).ja('').ja(('long', 300)).exit())
    out['unbound-label'] = S().ja('miss').exit().insns().label('miss').insns()
    out['label-past-end'] = S().ja('out').exit().label('out').insns().exit().insns()
    out['alu'] = (S().alu('alu64_imm', 'mov', 0, 1).alu('alu64_reg', 'add', 0, 10)
                  .alu('alu32_imm', 'lsh', 1, 31).alu('alu32_reg', 'xor', 2, 3)
                  .alu('alu64_imm', 'neg', 4, 0).alu('alu64_imm', 'arsh', 5, 63)
                  .exit().insns())
    out['alu-refusals'] = (S().alu('alu64_imm', 'div', 0, 0).alu('alu64_imm', 'mod', 0, 0)
                           .alu('alu32_imm', 'lsh', 0, 32).alu('alu64_imm', 'rsh', 0, 64)
                           .alu('alu64_imm', 'lsh', 0, -1).alu('alu64_imm', 'neg', 0, 1)
                           .alu('alu64_reg', 'neg', 0, 1).alu('alu64_imm', 'mov', 10, 0)
                           .alu('alu32_reg', 'end', 0, 1).alu('alu64_reg', 'add', 0, 11)
                           .alu('alu64_reg', 'add', -1, 0))
    out['endian'] = (S().endian('le', 1, 16).endian('be', 2, 64).endian('be', 10, 32)
                     .endian('bad_1', 1, 16).endian('le', 1, 8).exit())
    out['memory'] = (S().mem('stx', 'dw', 10, 1, -8).mem('ldx', 'dw', 0, 10, -8)
                     .mem('st', 'w', 10, 0, -4, 7).mem('st', 'b', 10, 0, -512, 1)
                     .mem('atomic', 'dw', 10, 1, -16, op='fetch_add')
                     .mem('atomic', 'w', 0, 1, 4, op='cmpxchg')
                     .mem('ldx', 'h', 1, 2, 32767).exit().insns())
    out['memory-refusals'] = (S().mem('stx', 'dw', 10, 1, -4).mem('ldx', 'w', 0, 10, -513)
                              .mem('st', 'b', 10, 0, 0, 1).mem('ldx', 'dw', 10, 1, -8)
                              .mem('atomic', 'h', 10, 1, -8).mem('atomic', 'dw', 10, 1, -8, op='bad_sub')
                              .mem('ldx', 'b', 1, 2, 32768).mem('stx', 'b', 1, 2, -32769)
                              .mem('st', 'dw', 10, 0, -2**31, 0).mem('stx', 'w', 11, 1, 0))
    out['ld-imm64'] = (S().ld_imm64(1, 0x123456789).ld_map_fd(2, 3).ld_imm64(10, 1)
                       .ld_map_fd(1, -1).ld_map_fd(16, 2**31 - 1).exit().insns())
    out['call-exit'] = (S().helper(5).helper(0).helper(-1).helper(2**31 - 1)
                        .exit().insns().origin('first'))
    out['emit-raw'] = (S().emit_raw([(0xb7, 0, 0, 0, 2), (LD64, 2, 0, 0, 1), (0, 0, 0, 0, 2),
                                     (0x05, 0, 0, 3, 0), (0x95, 0, 0, 0, 0)])
                       .emit_null(0).insns())
    out['emit-refusals'] = (S().emit_raw([(0xb7, 11, 0, 0, 0)]).emit_raw([(0xbf, 1, 15, 0, 0)])
                            .emit_raw([(LD64, 1, 0, 0, 1), (0xb7, 0, 0, 0, 0)])
                            .emit_null(2).emit_null(2**64 - 1).exit())
    out['split-ld-imm64'] = (S().emit_ld_pair(1, 0, 5, 0, half=True).exit()
                             .label('mid').insns().set_tag('half').emit_second(7)
                             .label('after').exit().insns().origin('slot', 1))
    out['split-bad-second'] = (S().emit_ld_pair(1, 1, 5, 0, half=True)
                               .emit_second(1, code=0xb7).emit_second(1, dst=1)
                               .ja('x').emit_second(0).insns())
    out['tags'] = (S().set_tag('ingress').lookup(3, -4).set_tag(None).exit()
                   .set_tag(('long', 255)).exit().set_tag(('long', 256)).set_tag('')
                   .exit().origin('slot', 0).origin('last').origin('len')
                   .origin('huge').set_tag_from_slot(0).exit().origin('last'))
    out['origins'] = (S().exit().exit().increment(3, -4, -16, 1).exit()
                      .origin('slot', 5, 1).origin('slot', 21, 2).origin('slot', 22, 7)
                      .origin('first', outs=0).origin('slot', 1, outs=4, null=True))
    out['maps-stack'] = (S().lookup(3, -4).update(3, -4, -16, 0).delete(3, -4)
                         .lookup_or_init(3, -4, -16).update(3, -8, -16, 1 | 4)
                         .update(3, -8, -16, 2).exit().insns())
    out['maps-stack-refusals'] = (S().lookup(-1, -4).lookup(3, 0).lookup(3, -513)
                                  .update(3, -4, -16, 3).update(3, -4, 0, 0)
                                  .update(3, -4, -16, 8).delete(-2**31, -4)
                                  .lookup_or_init(3, -4, 0).lookup_or_init(-1, 1, 1))
    out['maps-ptr'] = (S().lookup_ptr(3, 2).lookup_ptr(3, 1).delete_ptr(3, 9)
                       .delete_ptr(3, 2).update_ptr(3, 2, 3, 0).update_ptr(3, 3, 2, 0)
                       .update_ptr(3, 3, 3, 0).update_ptr(3, 2, 2, 0).update_ptr(3, 1, 2, 0)
                       .update_ptr(3, 3, 1, 0).update_ptr(3, 6, 7, 4).exit().insns())
    out['maps-ptr-refusals'] = (S().lookup_ptr(3, 10).delete_ptr(3, -1)
                                .update_ptr(3, 10, 2, 0).update_ptr(3, 2, 11, 0)
                                .update_ptr(-1, 2, 3, 0).update_ptr(3, 2, 3, 3))
    out['increment'] = (S().increment(3, -4, -16, 1).increment(3, -4, -16, 2**40)
                        .increment(3, -4, -16, -2**31).increment(3, -4, -16, 2**31)
                        .exit().insns())
    out['increment-atomic'] = (S().increment(3, -4, -16, 1, atomic=True)
                               .increment(3, -4, -16, -2**63, atomic=True)
                               .increment(3, -512, -8, 2**63 - 1, atomic=True)
                               .exit().insns())
    out['increment-refusals'] = (S().increment(3, -4, -12, 1).increment(3, -12, -16, 1)
                                 .increment(3, -4, -4, 1).increment(3, -4, 0, 1)
                                 .increment(3, 0, -16, 1, atomic=True)
                                 .increment(3, -4, -520, 1, atomic=True)
                                 .increment(-1, -4, -16, 1, atomic=True))
    # NULL handle: every call kind once.
    n = S()
    n.label('a', null=True).jmp('jmp_imm', 'jeq', 0, 0, 'a', null=True)
    n.jmp('jmp_reg', 'jeq', 0, 1, 'a', null=True).jmp('jmp32_imm', 'jeq', 0, 0, 'a', null=True)
    n.jmp('jmp32_reg', 'jeq', 0, 1, 'a', null=True).ja('a', null=True)
    n.alu('alu64_imm', 'mov', 0, 1, null=True).alu('alu64_reg', 'mov', 0, 1, null=True)
    n.alu('alu32_imm', 'mov', 0, 1, null=True).alu('alu32_reg', 'mov', 0, 1, null=True)
    n.endian('le', 1, 16, null=True).mem('ldx', 'dw', 0, 10, -8, null=True)
    n.mem('stx', 'dw', 10, 0, -8, null=True).mem('st', 'dw', 10, 0, -8, 1, null=True)
    n.mem('atomic', 'dw', 10, 0, -8, null=True).ld_imm64(1, 1, null=True)
    n.ld_map_fd(1, 3, null=True).helper(5, null=True).exit(null=True)
    n.emit_raw([(0x95, 0, 0, 0, 0)], null=True).set_tag('t', null=True)
    n.origin('first', null=True).insns(null=True).lookup(3, -4, null=True)
    n.update(3, -4, -8, 0, null=True).delete(3, -4, null=True)
    n.lookup_ptr(3, 2, null=True).update_ptr(3, 2, 3, 0, null=True)
    n.delete_ptr(3, 2, null=True).increment(3, -4, -16, 1, null=True)
    n.increment(3, -4, -16, 1, atomic=True, null=True)
    n.lookup_or_init(3, -4, -16, null=True).queries().insns(null_cnt=True)
    out['null-handle'] = n
    # The size limit and far jumps.
    out['limit'] = (S().label('top').emit_fill_to_limit(-3).exit().exit().exit()
                    .exit().ld_imm64(1, 1).emit_null(1).insns())
    out['limit-exact'] = (S().emit_fill_to_limit(-5).lookup(3, -4).lookup(3, -4)
                          .emit_fill_to_limit(1).insns())
    out['far-jump'] = (S().ja('far').emit_far(10).label('far').exit().insns())
    out['far-back'] = (S().label('top').emit_far(0).ja('top').exit().insns()
                       .origin('last'))
    # The program's own storage handed back to it, within its capacity (16
    # slots, 16 tag bytes).  Past it, see fuzz/regressions/.
    out['self-copy'] = (S().exit().exit().exit().lookup(3, -4).emit_self(0, 8)
                        .insns())
    out['self-tag'] = (S().set_tag('abc').exit().set_tag_from_slot(0)
                       .exit().origin('last'))
    out['printing'] = (S().ld_imm64(1, 5).ld_map_fd(2, 7).lookup(3, -4).ja('x').label('x')
                       .exit().snprint(4, 0).snprint(0, 1).snprint(1, 2).dump()
                       .ja('nowhere').dump())
    out['program'] = (S().set_tag('counter').mem('st', 'w', 10, 0, -4, 0)
                      .increment(3, -4, -16, 1).alu('alu64_imm', 'mov', 0, 0).exit()
                      .insns().origin('slot', 3).dump())
    out['loop-program'] = (S().alu('alu64_imm', 'mov', 6, 0).label('loop')
                           .mem('stx', 'w', 10, 6, -4).lookup(3, -4)
                           .jmp('jmp_imm', 'jeq', 0, 0, 'next')
                           .mem('ldx', 'dw', 1, 0, 0).label('next')
                           .alu('alu64_imm', 'add', 6, 1)
                           .jmp('jmp_imm', 'jlt', 6, 16, 'loop')
                           .alu('alu64_imm', 'mov', 0, 0).exit().insns())
    # Allocation failures (the library's allocations go through the fuzzer).
    out['enomem'] = (S().fail_alloc(0).exit().exit().fail_alloc(1).ja('x')
                     .fail_alloc(0).label('x').fail_alloc(0).set_tag('t')
                     .emit_raw([(0x95, 0, 0, 0, 0)] * 12).fail_alloc(2)
                     .lookup(3, -4).lookup(3, -4).fail_alloc(0).dump().insns())
    out['enomem-labels'] = (S().label('a').label('b').label('c').label('x').label('out')
                            .label('loop').label('miss').label('L0')
                            .label(b'l1').label(b'l2').label(b'l3').label(b'l4')
                            .label(b'l5').label(b'l6').label(b'l7').label(b'l8')
                            .fail_alloc(0).label(b'l9').fail_alloc(1).label(b'l9')
                            .ja(b'l10').exit().insns())
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'corpus')
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):
        if old.startswith('seed-'):
            os.unlink(os.path.join(outdir, old))
    for key, seq in seeds().items():
        with open(os.path.join(outdir, 'seed-' + key), 'wb') as f:
            f.write(seq.b)
    print('%d seeds in %s' % (len(seeds()), outdir))


if __name__ == '__main__':
    main()
