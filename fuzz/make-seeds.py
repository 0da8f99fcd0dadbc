#!/usr/bin/env python3
"""Writes the seed corpus of fuzz/fuzz-api.c into fuzz/corpus/.

Each seed is a short sequence of calls, written with fuzz/fuzzcalls.py's
Seq (one method a call, named after the function; the same calls as a
call list's lines).  Together they make every modelled call, valid and
refused, with a NULL handle too.  A call starts with its function's stable
id from lib/mapops.api, so a seed keeps meaning what it meant when
functions are added; rerun this when a model's argument decoding changes.

    fuzz/make-seeds.py [OUTDIR]      (default: fuzz/corpus next to this file)
    fuzz/make-seeds.py --generic OUTDIR
        one seed per builder of lib/mapops.api through the generic path
        (fuzz/run.sh writes them into its build directory on every run, so
        a new builder is fuzzed before anyone models it)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzzcalls import API, Seq, generic_kinds  # noqa: E402

LD64 = 0x18


def seeds():
    S = Seq
    out = {}
    # One seed per call kind, valid, then refused, then on a NULL handle.
    out['label'] = S().label('out').exit().label('end').prog_insns()
    out['label-refusals'] = (S().label(None).label('').label(('long', 256))
                             .label(('long', 255)).label('a').label('a')
                             .label(b'\x01\xff\x7f').label(('pool', 0)))
    out['jumps'] = (S().label('loop').jmp_imm('jeq', 0, 0, 'out')
                    .jmp_reg('jgt', 1, 2, 'loop')
                    .jmp32_imm('jsle', 3, -1, 'out')
                    .jmp32_reg('jset', 10, 10, 'loop').ja('out')
                    .label('out').exit().prog_insns().prog_insn_origin('last'))
    out['jump-refusals'] = (S().jmp_imm('ja', 0, 0, 'out')
                            .jmp_imm('call', 0, 0, 'out')
                            .jmp_reg('jeq', 11, 0, 'out')
                            .jmp_reg('jeq', 0, -1, 'out')
                            .jmp32_imm('bad_e0', 0, 0, 'x')
                            .ja(None).ja('').ja(('long', 300)).exit())
    out['unbound-label'] = S().ja('miss').exit().prog_insns().label('miss').prog_insns()
    out['label-past-end'] = S().ja('out').exit().label('out').prog_insns().exit().prog_insns()
    out['alu'] = (S().alu64_imm('mov', 0, 1).alu64_reg('add', 0, 10)
                  .alu32_imm('lsh', 1, 31).alu32_reg('xor', 2, 3)
                  .alu64_imm('neg', 4, 0).alu64_imm('arsh', 5, 63)
                  .exit().prog_insns())
    out['alu-refusals'] = (S().alu64_imm('div', 0, 0).alu64_imm('mod', 0, 0)
                           .alu32_imm('lsh', 0, 32).alu64_imm('rsh', 0, 64)
                           .alu64_imm('lsh', 0, -1).alu64_imm('neg', 0, 1)
                           .alu64_reg('neg', 0, 1).alu64_imm('mov', 10, 0)
                           .alu32_reg('end', 0, 1).alu64_reg('add', 0, 11)
                           .alu64_reg('add', -1, 0))
    out['endian'] = (S().endian('le', 1, 16).endian('be', 2, 64).endian('be', 10, 32)
                     .endian('bad_1', 1, 16).endian('le', 1, 8).exit())
    out['memory'] = (S().stx_mem('dw', 10, 1, -8).ldx_mem('dw', 0, 10, -8)
                     .st_mem('w', 10, -4, 7).st_mem('b', 10, -512, 1)
                     .atomic_op('dw', 'fetch_add', 10, 1, -16)
                     .atomic_op('w', 'cmpxchg', 0, 1, 4)
                     .ldx_mem('h', 1, 2, 32767).exit().prog_insns())
    out['memory-refusals'] = (S().stx_mem('dw', 10, 1, -4).ldx_mem('w', 0, 10, -513)
                              .st_mem('b', 10, 0, 1).ldx_mem('dw', 10, 1, -8)
                              .atomic_op('h', 'add', 10, 1, -8).atomic_op('dw', 'bad_sub', 10, 1, -8)
                              .ldx_mem('b', 1, 2, 32768).stx_mem('b', 1, 2, -32769)
                              .st_mem('dw', 10, -2**31, 0).stx_mem('w', 11, 1, 0))
    out['ld-imm64'] = (S().ld_imm64(1, 0x123456789).ld_map_fd(2, 3).ld_imm64(10, 1)
                       .ld_map_fd(1, -1).ld_map_fd(16, 2**31 - 1).exit().prog_insns())
    out['call-exit'] = (S().call_helper(5).call_helper(0).call_helper(-1).call_helper(2**31 - 1)
                        .exit().prog_insns().prog_insn_origin('first'))
    out['emit-raw'] = (S().emit([(0xb7, 0, 0, 0, 2), (LD64, 2, 0, 0, 1), (0, 0, 0, 0, 2),
                                     (0x05, 0, 0, 3, 0), (0x95, 0, 0, 0, 0)])
                       .emit_null(0).prog_insns())
    out['emit-refusals'] = (S().emit([(0xb7, 11, 0, 0, 0)]).emit([(0xbf, 1, 15, 0, 0)])
                            .emit([(LD64, 1, 0, 0, 1), (0xb7, 0, 0, 0, 0)])
                            .emit_null(2).emit_null(2**64 - 1).exit())
    out['split-ld-imm64'] = (S().emit_ld_pair(1, 0, 5, 0, half=True).exit()
                             .label('mid').prog_insns().prog_set_tag('half').emit_second(7)
                             .label('after').exit().prog_insns().prog_insn_origin('slot', 1))
    out['split-bad-second'] = (S().emit_ld_pair(1, 1, 5, 0, half=True)
                               .emit_second(1, code=0xb7).emit_second(1, dst=1)
                               .ja('x').emit_second(0).prog_insns())
    out['tags'] = (S().prog_set_tag('ingress').map_lookup(3, -4).prog_set_tag(None).exit()
                   .prog_set_tag(('long', 255)).exit().prog_set_tag(('long', 256)).prog_set_tag('')
                   .exit().prog_insn_origin('slot', 0).prog_insn_origin('last').prog_insn_origin('len')
                   .prog_insn_origin('huge').prog_set_tag_self(0).exit().prog_insn_origin('last'))
    out['origins'] = (S().exit().exit().map_increment(3, -4, -16, 1).exit()
                      .prog_insn_origin('slot', 5, 1).prog_insn_origin('slot', 21, 2).prog_insn_origin('slot', 22, 7)
                      .prog_insn_origin('first', outs=0).null().prog_insn_origin('slot', 1, outs=4))
    out['maps-stack'] = (S().map_lookup(3, -4).map_update(3, -4, -16, 0).map_delete(3, -4)
                         .map_lookup_or_init(3, -4, -16).map_update(3, -8, -16, 1 | 4)
                         .map_update(3, -8, -16, 2).exit().prog_insns())
    out['maps-stack-refusals'] = (S().map_lookup(-1, -4).map_lookup(3, 0).map_lookup(3, -513)
                                  .map_update(3, -4, -16, 3).map_update(3, -4, 0, 0)
                                  .map_update(3, -4, -16, 8).map_delete(-2**31, -4)
                                  .map_lookup_or_init(3, -4, 0).map_lookup_or_init(-1, 1, 1))
    out['maps-ptr'] = (S().map_lookup_ptr(3, 2).map_lookup_ptr(3, 1).map_delete_ptr(3, 9)
                       .map_delete_ptr(3, 2).map_update_ptr(3, 2, 3, 0).map_update_ptr(3, 3, 2, 0)
                       .map_update_ptr(3, 3, 3, 0).map_update_ptr(3, 2, 2, 0).map_update_ptr(3, 1, 2, 0)
                       .map_update_ptr(3, 3, 1, 0).map_update_ptr(3, 6, 7, 4).exit().prog_insns())
    out['maps-ptr-refusals'] = (S().map_lookup_ptr(3, 10).map_delete_ptr(3, -1)
                                .map_update_ptr(3, 10, 2, 0).map_update_ptr(3, 2, 11, 0)
                                .map_update_ptr(-1, 2, 3, 0).map_update_ptr(3, 2, 3, 3))
    out['increment'] = (S().map_increment(3, -4, -16, 1).map_increment(3, -4, -16, 2**40)
                        .map_increment(3, -4, -16, -2**31).map_increment(3, -4, -16, 2**31)
                        .exit().prog_insns())
    out['increment-atomic'] = (S().map_increment_atomic(3, -4, -16, 1)
                               .map_increment_atomic(3, -4, -16, -2**63)
                               .map_increment_atomic(3, -512, -8, 2**63 - 1)
                               .exit().prog_insns())
    out['increment-refusals'] = (S().map_increment(3, -4, -12, 1).map_increment(3, -12, -16, 1)
                                 .map_increment(3, -4, -4, 1).map_increment(3, -4, 0, 1)
                                 .map_increment_atomic(3, 0, -16, 1)
                                 .map_increment_atomic(3, -4, -520, 1)
                                 .map_increment_atomic(-1, -4, -16, 1))
    # NULL handle: every call kind once.
    n = S()
    n.null().label('a').null().jmp_imm('jeq', 0, 0, 'a')
    n.null().jmp_reg('jeq', 0, 1, 'a').null().jmp32_imm('jeq', 0, 0, 'a')
    n.null().jmp32_reg('jeq', 0, 1, 'a').null().ja('a')
    n.null().alu64_imm('mov', 0, 1).null().alu64_reg('mov', 0, 1)
    n.null().alu32_imm('mov', 0, 1).null().alu32_reg('mov', 0, 1)
    n.null().endian('le', 1, 16).null().ldx_mem('dw', 0, 10, -8)
    n.null().stx_mem('dw', 10, 0, -8).null().st_mem('dw', 10, -8, 1)
    n.null().atomic_op('dw', 'add', 10, 0, -8).null().ld_imm64(1, 1)
    n.null().ld_map_fd(1, 3).null().call_helper(5).null().exit()
    n.null().emit([(0x95, 0, 0, 0, 0)]).null().prog_set_tag('t')
    n.null().prog_insn_origin('first').null().prog_insns().null().map_lookup(3, -4)
    n.null().map_update(3, -4, -8, 0).null().map_delete(3, -4)
    n.null().map_lookup_ptr(3, 2).null().map_update_ptr(3, 2, 3, 0)
    n.null().map_delete_ptr(3, 2).null().map_increment(3, -4, -16, 1)
    n.null().map_increment_atomic(3, -4, -16, 1)
    n.null().map_lookup_or_init(3, -4, -16).prog_len().prog_insns(null_cnt=True)
    out['null-handle'] = n
    # The size limit and far jumps.
    out['limit'] = (S().label('top').emit_fill(-3).exit().exit().exit()
                    .exit().ld_imm64(1, 1).emit_null(1).prog_insns())
    out['limit-exact'] = (S().emit_fill(-5).map_lookup(3, -4).map_lookup(3, -4)
                          .emit_fill(1).prog_insns())
    out['far-jump'] = (S().ja('far').emit_far(10).label('far').exit().prog_insns())
    out['far-back'] = (S().label('top').emit_far(0).ja('top').exit().prog_insns()
                       .prog_insn_origin('last'))
    # The program's own storage handed back to it, within its capacity (16
    # slots, 16 tag bytes).  Past it, see fuzz/regressions/.
    out['self-copy'] = (S().exit().exit().exit().map_lookup(3, -4).emit_self(0, 8)
                        .prog_insns())
    out['self-tag'] = (S().prog_set_tag('abc').exit().prog_set_tag_self(0)
                       .exit().prog_insn_origin('last'))
    out['printing'] = (S().ld_imm64(1, 5).ld_map_fd(2, 7).map_lookup(3, -4).ja('x').label('x')
                       .exit().insn_snprint(4, 0).insn_snprint(0, 1).insn_snprint(1, 2).prog_dump()
                       .ja('nowhere').prog_dump()
                       .prog_dump_text().label('nowhere').prog_dump_text()
                       .prog_dump_text().ja('x').prog_dump_text())
    out['program'] = (S().prog_set_tag('counter').st_mem('w', 10, -4, 0)
                      .map_increment(3, -4, -16, 1).alu64_imm('mov', 0, 0).exit()
                      .prog_insns().prog_insn_origin('slot', 3).prog_dump())
    out['loop-program'] = (S().alu64_imm('mov', 6, 0).label('loop')
                           .stx_mem('w', 10, 6, -4).map_lookup(3, -4)
                           .jmp_imm('jeq', 0, 0, 'next')
                           .ldx_mem('dw', 1, 0, 0).label('next')
                           .alu64_imm('add', 6, 1)
                           .jmp_imm('jlt', 6, 16, 'loop')
                           .alu64_imm('mov', 0, 0).exit().prog_insns())
    # Allocation failures (the library's allocations go through the fuzzer).
    out['enomem'] = (S().fail_alloc(0).exit().exit().fail_alloc(1).ja('x')
                     .fail_alloc(0).label('x').fail_alloc(0).prog_set_tag('t')
                     .emit([(0x95, 0, 0, 0, 0)] * 12).fail_alloc(2)
                     .map_lookup(3, -4).map_lookup(3, -4).fail_alloc(0).prog_dump().prog_insns()
                     .prog_dump_text().fail_alloc(0).prog_dump_text()
                     .fail_alloc(1).prog_dump_text().fail_alloc(3).prog_dump_text())
    out['enomem-labels'] = (S().label('a').label('b').label('c').label('x').label('out')
                            .label('loop').label('miss').label('L0')
                            .label(b'l1').label(b'l2').label(b'l3').label(b'l4')
                            .label(b'l5').label(b'l6').label(b'l7').label(b'l8')
                            .fail_alloc(0).label(b'l9').fail_alloc(1).label(b'l9')
                            .ja(b'l10').exit().prog_insns())
    return out


# Plausible arguments by kind for the generic seeds: one that the library
# should accept, one that it must refuse.
GOOD = {'reg': 1, 'dst': 0, 'ptr_reg': 2, 'stack_off': -8, 'off': -8, 'map': 3,
        'alu_op': 0xb0, 'jmp_op': 0x10, 'size': 0x18, 'atomic_op': 0,
        'endian': 0, 'bits': 32, 'helper': 5, 's32': 1, 'u64': 1, 's64': 1,
        'flags': 0, 'label': 'out', 'tag': 't', 'slot': 0, 'count': 1,
        'bufsize': 64, 'insns': [(0xb7, 0, 0, 0, 0)]}
BAD = {'reg': 11, 'dst': 10, 'ptr_reg': 10, 'stack_off': 0, 'off': 2**31 - 1,
       'map': -1, 'alu_op': 0xe0, 'jmp_op': 0xe0, 'size': -1, 'atomic_op': 0xe0,
       'endian': 1, 'bits': 8, 'helper': 0, 's32': -1, 'u64': 2**64 - 1,
       's64': -2**63, 'flags': 2**64 - 1, 'label': '', 'tag': ('long', 300),
       'slot': 2**64 - 1, 'count': 2**64 - 1, 'bufsize': 0,
       'insns': [(0xb7, 11, 0, 0, 0)]}


def generic_seeds():
    """Per builder: accepted-looking, refused, NULL handle, then resolved."""
    out = {}
    for f in API.functions:
        if not f.builder:
            continue
        kinds = generic_kinds(f)
        good = [GOOD.get(k, 1 if c != 'const char *' else 'x') for k, c in kinds]
        bad = [BAD.get(k, -1 if c != 'const char *' else None) for k, c in kinds]
        s = Seq().label('top').generic(f.short, *good).generic(f.short, *bad)
        s.null().generic(f.short, *good)
        s.generic(f.short, *good).label('out').exit().prog_insns()
        s.prog_insn_origin('last').prog_dump_text()
        out['generic-' + f.short] = s
    return out


def write(outdir, seqs, prefix):
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):
        if old.startswith(prefix):
            os.unlink(os.path.join(outdir, old))
    for key, seq in seqs.items():
        with open(os.path.join(outdir, 'seed-' + key), 'wb') as f:
            f.write(seq.b)
    print('%d seeds in %s' % (len(seqs), outdir))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) == 3 and sys.argv[1] == '--generic':
        write(sys.argv[2], generic_seeds(), 'seed-generic-')
        return
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'corpus')
    write(outdir, seeds(), 'seed-')


if __name__ == '__main__':
    main()
