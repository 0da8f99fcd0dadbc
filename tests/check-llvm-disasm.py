#!/usr/bin/env python3
"""The printer against LLVM, and the emitters against LLVM.

    check-llvm-disasm.py PRINT_CORPUS LLVM_MC

1. Disassembly.  PRINT_CORPUS prints a corpus covering every opcode and
   variant of the eBPF ISA as lines "HEX<TAB>our text".  The bytes go to
   `LLVM_MC -triple=bpf -mcpu=v4 -disassemble`, and LLVM's text and ours are
   compared after normalising spelling only: spaces around the offset sign,
   "pc+3" vs "+3", hexadecimal vs decimal of the same value, LLVM's " ll"
   after 64-bit constants, helper and kernel function names vs numbers, w vs r register names of memory instructions, LLVM's names of the exchange atomics and
   the ld_pseudo form of the pseudo 64-bit loads.  Registers, offsets,
   immediates and operations must then be equal.
2. Encoding.  `PRINT_CORPUS --encode` prints what the library's emitters
   produce, "HEX<TAB>asm; asm; ...", and LLVM_MC -show-encoding must give
   the same bytes for that assembly.

3. With MAPOPS_DUMP set to tools/mapops-dump, the tool must print the
   corpus as print-corpus does, read as hex text and as raw bytes (this
   part needs no LLVM).

Every mismatch is printed.  Any mismatch, or an instruction LLVM cannot
decode that is not in LLVM_UNSUPPORTED below, fails (exit 1).  Without
LLVM_MC (an empty argument or a missing file) the test is skipped (exit 77)
unless MAPOPS_REQUIRE_LLVM=1.
"""
import os
import re
import subprocess
import sys

MC_ARGS = ["-triple=bpf", "-mcpu=v4"]

# Encodings llvm-mc-19 does not know, with the reason.  Each entry says
# what LLVM does with them: None when it cannot decode them, else a pattern
# of the wrong text it prints instead.  An entry LLVM handles otherwise
# fails too, so the list stays honest.
LLVM_UNSUPPORTED = [
    (lambda b: b[0] in (0xc3, 0xdb) and imm(b) == 0x100,
     r"^lock \*\(u(32|64) \*\)\(r\d+ [+-] \d+\) \+= [rw]\d+$",
     "load_acquire (BPF_ATOMIC imm 0x100, kernel 6.15) came with LLVM 20; "
     "LLVM 19 ignores imm bit 8 and misreads u32/u64 ones as atomic add"),
    (lambda b: (b[0] in (0xc3, 0xdb) and imm(b) == 0x110) or
               (b[0] in (0xcb, 0xd3) and imm(b) in (0x100, 0x110)),
     None,
     "store_release (BPF_ATOMIC imm 0x110) and the u8/u16 load_acquire came "
     "with LLVM 20"),
]

# What LLVM's text does not show, so ours is reduced to it before comparing.
# (Each is an LLVM omission, not a difference of meaning.)
LLVM_OMITS = [
    # ld_pseudo shows src_reg and the first imm only: the map value offset
    # (second imm) of BPF_PSEUDO_MAP_VALUE / _MAP_IDX_VALUE and the BTF fd of
    # BPF_PSEUDO_BTF_ID are not printed.
    "the second imm of the pseudo 64-bit loads",
    # BPF_LD | BPF_IND prints "skb[r1]" without the immediate.
    "the immediate of legacy BPF_IND packet loads",
    # call prints the imm alone whatever src_reg says (helper, bpf-to-bpf,
    # kfunc).
    "the src_reg (call kind) of calls",
]


def imm(b):
    return int.from_bytes(bytes(b[4:8]), sys.byteorder, signed=True)


def skip(msg, failures=0):
    print("SKIP:", msg)
    if failures:
        sys.exit(1)
    if os.environ.get("MAPOPS_REQUIRE_LLVM") == "1":
        print("MAPOPS_REQUIRE_LLVM=1: failing instead of skipping")
        sys.exit(1)
    sys.exit(77)


def run(cmd, stdin=None):
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True)


def to_signed(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def normalise(text, b):
    """Both spellings to one: the same operands read the same.  b is the
    instruction's bytes (the text alone does not tell every ld_imm64)."""
    s = " ".join(text.split())
    ld64 = b[0] == 0x18
    # 64-bit constants: the kernel prints "r1 = 0x5", LLVM "r1 = 0x5 ll".
    if ld64:
        s = re.sub(r" ll$", "", s)
    # A BPF_PSEUDO_FUNC load: the kernel prints its imm as the constant
    # ("r4 = 0x5"), LLVM as "ld_pseudo r4, 4, 5".
    if ld64 and b[1] >> 4 == 4:
        s = re.sub(r"^(r\d+) = 0x([0-9a-f]+)$",
                   lambda m: "ld_pseudo %s, 4, %d" % (m.group(1), to_signed(int(m.group(2), 16), 32)), s)
    # Pseudo 64-bit loads: ours by kind, LLVM's "ld_pseudo rD, SRC, IMM".
    pseudo = [
        (r"(r\d+) = map_fd#(-?\d+)$", 1),
        (r"(r\d+) = map_value\(map_fd#(-?\d+)\)\+\d+$", 2),
        (r"(r\d+) = btf_id#(-?\d+)(?: \(btf_fd#-?\d+\))?$", 3),
        (r"(r\d+) = map_idx#(-?\d+)$", 5),
        (r"(r\d+) = map_value\(map_idx#(-?\d+)\)\+\d+$", 6),
    ]
    for pat, src in pseudo:
        s = re.sub(pat, lambda m: "ld_pseudo %s, %d, %s" % (m.group(1), src, m.group(2)), s)
    # Legacy indirect packet load: LLVM shows no immediate.
    s = re.sub(r"skb\[(r\d+) \+ -?\d+\]", r"skb[\1]", s)
    # In memory instructions LLVM names 32-bit values w, the kernel r (ALU
    # and JMP32 both say w, so there the letter is compared).
    if re.search(r"\*\(|xchg|atomic|skb\[", s):
        s = re.sub(r"\bw(\d+)\b", r"r\1", s)
    # Memory operands: "(r2 +8)", "(r2 + 8)", "r2 + 8" -> "r2+8".
    s = re.sub(r"\b(r\d+) ?([+-]) ?(\d+)\b", r"\1\2\3", s)
    # LLVM's exchange atomics to the kernel's names.
    s = re.sub(r"\bxchg_64\((r\d+[+-]\d+), ", r"atomic64_xchg((u64 *)(\1), ", s)
    s = re.sub(r"\bxchg32_32\((r\d+[+-]\d+), ", r"atomic_xchg((u32 *)(\1), ", s)
    s = re.sub(r"\bcmpxchg_64\((r\d+[+-]\d+), ", r"atomic64_cmpxchg((u64 *)(\1), ", s)
    s = re.sub(r"\bcmpxchg32_32\((r\d+[+-]\d+), ", r"atomic_cmpxchg((u32 *)(\1), ", s)
    s = re.sub(r"\batomic_fetch_(\w+)\(\(u64 ", r"atomic64_fetch_\1((u64 ", s)
    # Calls: helper and kernel function names (from the running kernel's
    # BTF when it has one), "unknown#", "kernel-function#" and "pc+N" to N.
    s = re.sub(r"^call (?:\w+|kernel-function)#(-?\d+)$", r"call \1", s)
    s = re.sub(r"^call pc\+?(-?\d+)$", r"call \1", s)
    # Jump targets: "pc+3" -> "+3".
    s = re.sub(r"\bpc([+-]\d+)", r"\1", s)
    # Numbers: hex to signed decimal, 64 bits in ld_imm64, else 32.
    s = re.sub(r"\b0x([0-9a-fA-F]+)\b",
               lambda m: str(to_signed(int(m.group(1), 16), 64 if ld64 else 32)), s)
    return s


def hexbytes(h):
    return [int(t, 16) for t in h.split()]


def corpus_lines(exe, *args):
    r = run([exe, *args])
    if r.returncode != 0:
        print("FAIL: %s %s exited %d:\n%s" % (exe, " ".join(args), r.returncode, r.stderr))
        sys.exit(1)
    out = []
    for line in r.stdout.splitlines():
        h, _, text = line.partition("\t")
        out.append((h, text))
    return out


def disassemble_batch(mc, hexes):
    """LLVM's text per instruction, None where it could not decode.
    One run for all; per instruction again if the mapping is unclear."""
    r = run([mc, *MC_ARGS, "-disassemble"], "\n".join(hexes) + "\n")
    bad = {int(m.group(1)) - 1
           for m in re.finditer(r"^<stdin>:(\d+):\d+: warning: invalid instruction encoding",
                                r.stderr, re.M)}
    texts = [l.strip() for l in r.stdout.splitlines()
             if l.strip() and not l.strip().startswith(".")]
    if r.returncode == 0 and len(texts) + len(bad) == len(hexes):
        it = iter(texts)
        return [None if i in bad else next(it) for i in range(len(hexes))]
    out = []
    for h in hexes:
        r = run([mc, *MC_ARGS, "-disassemble"], h + "\n")
        t = [l.strip() for l in r.stdout.splitlines()
             if l.strip() and not l.strip().startswith(".")]
        out.append(t[0] if len(t) == 1 and "invalid" not in r.stderr else None)
    return out


def check_disassembly(exe, mc):
    corpus = corpus_lines(exe)
    llvm = disassemble_batch(mc, [h for h, _ in corpus])
    failures = compared = unsupported = 0
    for (h, ours), theirs in zip(corpus, llvm):
        b = hexbytes(h)
        listed = next(((wrong, why) for match, wrong, why in LLVM_UNSUPPORTED
                       if match(b)), None)
        if listed:
            wrong, why = listed
            if (theirs is None and wrong is None) or \
               (theirs is not None and wrong and re.search(wrong, theirs)):
                unsupported += 1
                continue
            print("FAIL: %s is listed as LLVM-unsupported (%s) but LLVM gives: %s"
                  % (h, why, theirs if theirs is not None else "(cannot decode)"))
            failures += 1
            continue
        if theirs is None:
            print("FAIL: LLVM cannot decode %s (ours: %s)" % (h, ours))
            failures += 1
            continue
        compared += 1
        a, b2 = normalise(ours, b), normalise(theirs, b)
        if a != b2:
            print("FAIL: %s\n  ours: %-45s -> %s\n  llvm: %-45s -> %s"
                  % (h, ours, a, theirs, b2))
            failures += 1
    print("disassembly: %d instructions, %d compared with LLVM, %d LLVM-unsupported, %d mismatches"
          % (len(corpus), compared, unsupported, failures))
    if unsupported:
        for _, _, why in LLVM_UNSUPPORTED:
            print("  LLVM-unsupported: " + why)
    print("  not shown by LLVM, so not compared: " + "; ".join(LLVM_OMITS))
    return failures


def check_encoding(exe, mc):
    entries = corpus_lines(exe, "--encode")
    failures = 0
    for h, asm in entries:
        stmts = [s.strip() for s in asm.split(";")]
        r = run([mc, *MC_ARGS, "-show-encoding"], "\n".join(stmts) + "\n")
        enc = re.findall(r"encoding: \[([^\]]*)\]", r.stdout)
        got = [int(x, 16) for e in enc for x in e.split(",")]
        want = hexbytes(h)
        if r.returncode != 0 or len(enc) != len(stmts) or got != want:
            print("FAIL: encoding of: %s\n  library: %s\n  llvm:    %s%s"
                  % (asm, " ".join("%02x" % x for x in want),
                     " ".join("%02x" % x for x in got),
                     ("\n  " + r.stderr.strip()) if r.stderr.strip() else ""))
            failures += 1
    print("encoding: %d emitter calls assembled by LLVM, %d mismatches"
          % (len(entries), failures))
    return failures


def check_dump_tool(exe, tool):
    """mapops-dump, given the corpus as hex text and as raw bytes, prints
    the texts print-corpus printed (no LLVM needed)."""
    corpus = corpus_lines(exe)
    want = [text for _, text in corpus]
    hex_text = "# the corpus\n" + "\n".join(h for h, _ in corpus) + "\n"
    raw = bytes(x for h, _ in corpus for x in hexbytes(h))
    failures = 0
    for how, args, data in (("--hex", ["--hex"], hex_text.encode()),
                            ("raw", [], raw)):
        r = subprocess.run([tool, *args], input=data, capture_output=True)
        got = [l.partition(": ")[2] for l in r.stdout.decode().splitlines()]
        slots = [int(l.partition(":")[0]) for l in r.stdout.decode().splitlines()]
        want_slots, n = [], 0
        for h, _ in corpus:
            want_slots.append(n)
            n += len(hexbytes(h)) // 8
        if r.returncode != 0 or got != want or slots != want_slots:
            print("FAIL: mapops-dump %s exited %d: %s" % (how, r.returncode, r.stderr.decode().strip()))
            for i, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    print("  entry %d: %r, print-corpus %r" % (i, g, w))
            failures += 1
    print("mapops-dump: %d instructions as hex text and raw bytes, %d failures"
          % (len(corpus), failures))
    return failures


def main():
    if len(sys.argv) != 3:
        print("usage: check-llvm-disasm.py PRINT_CORPUS LLVM_MC", file=sys.stderr)
        return 2
    exe, mc = sys.argv[1:3]
    tool_failures = 0
    if os.environ.get("MAPOPS_DUMP"):
        tool_failures = check_dump_tool(exe, os.environ["MAPOPS_DUMP"])
    if not mc or not os.access(mc, os.X_OK):
        skip("llvm-mc-19 was not found (install Debian 12's llvm-19 package); "
             "LLVM 14 cannot decode BPF_ST or the newer atomics", tool_failures)
    failures = tool_failures + check_disassembly(exe, mc) + check_encoding(exe, mc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
