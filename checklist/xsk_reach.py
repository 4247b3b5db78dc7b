# SPDX-License-Identifier: GPL-2.0
"""What code on a driver's xmit path an AF_XDP generic-TX skb can reach.

checklist/static asks this module, for a finding at a line, whether an
AF_XDP skb gets there. The answer comes from the guards on the way: every
if, loop, early return, switch case and caller above the line is evaluated
under what is known of such an skb in 6.12 (xsk_build_skb(),
xsk_build_skb_zerocopy()):

  - it is never GSO: skb_is_gso() false, shinfo's gso_size/gso_type 0;
  - ip_summed is CHECKSUM_NONE (CHECKSUM_PARTIAL only with AF_XDP TX
    metadata on the copy path, never for a headlen-0 skb);
  - skb->protocol is 0 and it carries no VLAN tag (vlan_get_protocol() 0);
  - no encapsulation, xfrm or kTLS state, no frag_list;
  - the head is empty: skb_headlen() 0, data_len == len > 0, nr_frags > 0;
  - mac and transport headers are not set.

Guards are evaluated on the blanked source (comments, strings and
preprocessor lines removed) with a small C expression evaluator over an
abstract domain: known integers, "non-zero", sets of flag names a variable
can hold, or unknown. Values flow through:

  - local variables assigned in the function (flow-insensitive: every
    assignment reachable by an AF_XDP skb; an address taken and handed to
    a function of the driver brings in that function's stores through the
    pointer, any other address taken makes the variable unknown);
  - struct fields the driver's xmit path stores (->f = E, .f = E): a field
    stored only where AF_XDP skbs never go reads as 0;
  - return values of the driver's functions (every reachable return
    agrees).
Sizes are taken as non-negative, flag names as distinct bits, other
upper-case names as non-zero constants. A function all of whose call sites
on the xmit path are unreachable is unreachable.

A guard that evaluates to the branch not taken makes the line unreachable;
anything unknown keeps it reachable.
"""

import re

TOKEN = re.compile(r'0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*|[A-Za-z_]\w*|'
                   r'->|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|'
                   r'[-+*/%&|^]=|\S')

UNKNOWN = None
ZERO = ('k', 0)
ONE = ('k', 1)
NZ = ('nz',)

CONSTS = {
    'CHECKSUM_NONE': 0, 'CHECKSUM_UNNECESSARY': 1, 'CHECKSUM_COMPLETE': 2,
    'CHECKSUM_PARTIAL': 3, 'false': 0, 'true': 1, 'NULL': 0,
}

# Members of an skb and of its shared info, as an AF_XDP skb has them.
SKB_FIELDS = {
    'protocol': ZERO, 'ip_summed': ZERO, 'encapsulation': ZERO,
    'data_len': NZ, 'len': NZ, 'vlan_present': ZERO, 'vlan_all': ZERO,
    'vlan_tci': ZERO, 'inner_protocol': ZERO, 'csum_not_inet': ZERO,
    'inner_protocol_type': ZERO,
}
SHINFO_FIELDS = {
    'gso_size': ZERO, 'gso_type': ZERO, 'gso_segs': ZERO, 'nr_frags': NZ,
    'frag_list': ZERO,
}
# Helpers of the kernel, as they answer for an AF_XDP skb.
SKB_CALLS = {
    'skb_is_gso': ZERO, 'skb_is_gso_v6': ZERO, 'skb_is_gso_tcp': ZERO,
    'skb_is_gso_sctp': ZERO, 'skb_headlen': ZERO, 'skb_is_nonlinear': NZ,
    'skb_vlan_tag_present': ZERO, 'vlan_get_protocol': ZERO,
    'skb_protocol': ZERO, 'xfrm_offload': ZERO,
    'tls_is_skb_tx_device_offloaded': ZERO, 'skb_has_frag_list': ZERO,
    'skb_transport_header_was_set': ZERO, 'skb_mac_header_was_set': ZERO,
    'skb_csum_is_sctp': ZERO, 'vlan_get_tag': UNKNOWN,
}
TRANSPARENT = {'likely', 'unlikely', 'htons', 'ntohs', 'htonl', 'ntohl',
               'cpu_to_be16', 'cpu_to_be32', 'be16_to_cpu', 'be32_to_cpu',
               'READ_ONCE', '__builtin_expect'}
JUMPS = {'return', 'goto', 'break', 'continue'}
TYPE_WORDS = set('''struct union enum const volatile unsigned signed int
long short char bool u8 u16 u32 u64 s8 s16 s32 s64 __u8 __u16 __u32 __u64
__be16 __be32 __le16 __le32 size_t dma_addr_t void static register
netdev_tx_t'''.split())


def _fmt(toks):
    out = ''
    for t in toks:
        if out and (out[-1].isalnum() or out[-1] == '_') and \
                (t[0].isalnum() or t[0] == '_'):
            out += ' '
        elif t in ('&&', '||', '==', '!=', '<=', '>=', '<', '>', '&', '|',
                   '?', ':', '+', '-', '=') or (out and out[-1] in ','):
            out += ' '
            out += t
            out += ' '
            continue
        out += t
    return re.sub(r'\s+', ' ', out).strip()


# ---------------------------------------------------------------------------
# Expressions
# ---------------------------------------------------------------------------

BINARY = [('||',), ('&&',), ('|',), ('^',), ('&',), ('==', '!='),
          ('<', '>', '<=', '>='), ('<<', '>>'), ('+', '-'),
          ('*', '/', '%')]


class Expr:
    """A tiny C expression parser: tokens to nested tuples."""

    def __init__(self, toks):
        self.t = [t for t, _ in toks] if toks and isinstance(toks[0],
                                                             tuple) else toks
        self.i = 0

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def parse(self):
        try:
            e = self.comma()
        except (IndexError, ValueError):
            return ('?',)
        return e if self.i >= len(self.t) else ('?',)

    def comma(self):
        e = self.assign()
        while self.peek() == ',':
            self.take()
            e = (',', e, self.assign())
        return e

    def assign(self):
        e = self.cond()
        if self.peek() in ('=', '|=', '&=', '+=', '-=', '^=', '<<=', '>>=',
                           '*=', '/=', '%='):
            op = self.take()
            return ('assign', op, e, self.assign())
        return e

    def cond(self):
        e = self.binary(0)
        if self.peek() == '?':
            self.take()
            a = self.comma()
            if self.take() != ':':
                raise ValueError
            b = self.cond()
            return ('?:', e, a, b)
        return e

    def binary(self, lvl):
        if lvl == len(BINARY):
            return self.unary()
        e = self.binary(lvl + 1)
        while self.peek() in BINARY[lvl]:
            op = self.take()
            e = ('bin', op, e, self.binary(lvl + 1))
        return e

    def _is_cast(self):
        if self.peek() != '(':
            return False
        j, words = self.i + 1, []
        while j < len(self.t) and self.t[j] != ')':
            words.append(self.t[j])
            j += 1
        if not words or j + 1 >= len(self.t):
            return False
        if not all(re.match(r'[A-Za-z_]\w*$|\*$', w) for w in words):
            return False
        nxt = self.t[j + 1]
        if not (re.match(r'[A-Za-z_0-9(]', nxt) or
                nxt in ('!', '~', '*', '&', '-')):
            return False
        return (words[0] in TYPE_WORDS or words[-1] == '*' or
                words[-1].endswith('_t'))

    def unary(self):
        t = self.peek()
        if t in ('!', '~', '-', '+', '*', '&', '++', '--'):
            self.take()
            return ('un', t, self.unary())
        if t == 'sizeof':
            self.take()
            if self.peek() == '(':
                self._skip_parens()
            else:
                self.unary()
            return ('sizeof',)
        if self._is_cast():
            self._skip_parens()
            return self.unary()
        return self.postfix()

    def _skip_parens(self):
        depth = 0
        while True:
            t = self.take()
            if t is None:
                raise ValueError
            if t == '(':
                depth += 1
            elif t == ')':
                depth -= 1
                if depth == 0:
                    return

    def postfix(self):
        e = self.primary()
        while True:
            t = self.peek()
            if t == '(':
                self.take()
                args = []
                if self.peek() != ')':
                    args.append(self.assign())
                    while self.peek() == ',':
                        self.take()
                        args.append(self.assign())
                if self.take() != ')':
                    raise ValueError
                e = ('call', e, args)
            elif t in ('->', '.'):
                self.take()
                e = ('mem', e, self.take())
            elif t == '[':
                self.take()
                idx = self.comma()
                if self.take() != ']':
                    raise ValueError
                e = ('idx', e, idx)
            elif t in ('++', '--'):
                self.take()
                e = ('post', t, e)
            else:
                return e

    def primary(self):
        t = self.take()
        if t is None:
            raise ValueError
        if t == '(':
            if self.peek() == '{':
                raise ValueError
            e = self.comma()
            if self.take() != ')':
                raise ValueError
            return e
        if re.match(r'\d', t):
            try:
                return ('num', int(t.rstrip('uUlL'), 0))
            except ValueError:
                return ('?',)
        if re.match(r'[A-Za-z_]\w*$', t):
            return ('id', t)
        raise ValueError


def text_of(e):
    """Source-like text of an expression tree (for reasons)."""
    k = e[0]
    if k == 'id':
        return e[1]
    if k == 'num':
        return str(e[1])
    if k == 'mem':
        return text_of(e[1]) + '->' + e[2]
    if k == 'call':
        args = ', '.join(text_of(a) for a in e[2])
        return '%s(%s)' % (text_of(e[1]), args)
    if k == 'un':
        return e[1] + text_of(e[2])
    if k == 'bin':
        return '(%s %s %s)' % (text_of(e[2]), e[1], text_of(e[3]))
    return '...'


def _base_name(e):
    """The name a member access hangs off: first for first->protocol,
    ipv4 for hdr.ipv4->protocol."""
    while e and e[0] in ('idx', 'un'):
        e = e[1] if e[0] == 'idx' else e[2]
    if not e:
        return None
    if e[0] == 'id':
        return e[1]
    if e[0] == 'mem':
        return e[2]
    return None


def skbish(e):
    """An expression naming an skb (skb, nskb, first->skb)."""
    if e[0] == 'id':
        return 'skb' in e[1].lower()
    if e[0] == 'mem':
        return 'skb' in e[2].lower()
    return False


# ---------------------------------------------------------------------------
# Statements
# ---------------------------------------------------------------------------

class Stmt:
    """One statement: kind, tokens, children, first and last line."""

    def __init__(self, kind, l0, l1, toks=(), kids=(), cond=None, alt=None):
        self.kind = kind        # block if loop switch label jump expr
        self.l0 = l0
        self.l1 = l1
        self.toks = list(toks)  # expr/jump: the tokens; label: the name
        self.kids = list(kids)  # block/loop/switch: body; if: [then]
        self.cond = cond        # if/loop/switch: condition tokens
        self.alt = alt          # if: the else statement


class Parser:
    def __init__(self, toks):
        self.t = toks           # [(text, line)]
        self.i = 0

    def peek(self, k=0):
        j = self.i + k
        return self.t[j][0] if j < len(self.t) else None

    def line(self):
        return self.t[min(self.i, len(self.t) - 1)][1]

    def paren(self):
        """Tokens inside the parentheses that start here."""
        assert self.peek() == '('
        depth, start = 0, self.i
        while self.i < len(self.t):
            t = self.t[self.i][0]
            if t in '([{':
                depth += 1
            elif t in ')]}':
                depth -= 1
                if depth == 0:
                    self.i += 1
                    return self.t[start + 1:self.i - 1]
            self.i += 1
        return self.t[start + 1:]

    def block(self):
        l0 = self.line()
        self.i += 1     # {
        kids = []
        while self.i < len(self.t) and self.peek() != '}':
            kids.append(self.stmt())
        l1 = self.line()
        self.i += 1
        return Stmt('block', l0, l1, kids=kids)

    def stmt(self):
        t = self.peek()
        l0 = self.line()
        if t == '{':
            return self.block()
        if t == 'if' and self.peek(1) == '(':
            self.i += 1
            cond = self.paren()
            then = self.stmt()
            alt = None
            if self.peek() == 'else':
                self.i += 1
                alt = self.stmt()
            return Stmt('if', l0, (alt or then).l1, kids=[then], cond=cond,
                        alt=alt)
        if t in ('while', 'switch') and self.peek(1) == '(':
            self.i += 1
            cond = self.paren()
            body = self.stmt()
            return Stmt('loop' if t == 'while' else 'switch', l0, body.l1,
                        kids=[body], cond=cond)
        if t == 'for' and self.peek(1) == '(':
            self.i += 1
            head = self.paren()
            parts, cur, depth = [], [], 0
            for tok in head:
                if tok[0] in '([{':
                    depth += 1
                elif tok[0] in ')]}':
                    depth -= 1
                if tok[0] == ';' and depth == 0:
                    parts.append(cur)
                    cur = []
                else:
                    cur.append(tok)
            parts.append(cur)
            body = self.stmt()
            cond = parts[1] if len(parts) == 3 else []
            s = Stmt('loop', l0, body.l1, kids=[body], cond=cond or None)
            s.toks = parts[0] if len(parts) == 3 else []
            return s
        if t == 'do':
            self.i += 1
            body = self.stmt()
            if self.peek() == 'while':
                self.i += 1
                if self.peek() == '(':
                    self.paren()
            if self.peek() == ';':
                self.i += 1
            return Stmt('loop', l0, body.l1, kids=[body])
        if t in ('case', 'default'):
            start = self.i
            depth = 0
            while self.i < len(self.t):
                x = self.t[self.i][0]
                if x in '([':
                    depth += 1
                elif x in ')]':
                    depth -= 1
                elif x == ':' and depth == 0:
                    break
                self.i += 1
            toks = self.t[start + 1:self.i]
            self.i += 1
            return Stmt('label', l0, l0, toks=[t] + [x for x, _ in toks])
        if (t and re.match(r'[A-Za-z_]\w*$', t) and self.peek(1) == ':' and
                t not in ('else',)):
            self.i += 2
            return Stmt('label', l0, l0, toks=[t])
        if t == ';':
            self.i += 1
            return Stmt('expr', l0, l0)
        # An expression statement, a declaration, a jump, or a loop macro
        # (list_for_each_entry(...) { ... }).
        start = self.i
        depth = 0
        while self.i < len(self.t):
            x = self.t[self.i][0]
            if x in '([':
                depth += 1
            elif x in ')]':
                depth -= 1
                if depth == 0 and x == ')' and self.peek(1) == '{' and \
                        self.t[start][0] not in JUMPS and \
                        re.match(r'[A-Za-z_]\w*$', self.t[start][0]) and \
                        self.t[start + 1][0] == '(':
                    self.i += 1
                    body = self.block()
                    return Stmt('loop', l0, body.l1, kids=[body],
                                toks=self.t[start:self.i])
            elif x == '{':
                depth += 1
            elif x == '}':
                if depth == 0:
                    break
                depth -= 1
            elif x == ';' and depth == 0:
                break
            self.i += 1
        toks = self.t[start:self.i]
        l1 = self.t[self.i - 1][1] if self.i > start else l0
        if self.peek() == ';':
            self.i += 1
        kind = 'jump' if toks and toks[0][0] in JUMPS else 'expr'
        return Stmt(kind, l0, l1, toks=toks)


def _ends_in_jump(s):
    if s.kind == 'jump':
        return True
    if s.kind == 'block' and s.kids:
        return _ends_in_jump(s.kids[-1])
    if s.kind == 'if' and s.alt is not None:
        return _ends_in_jump(s.kids[0]) and _ends_in_jump(s.alt)
    return False


def _last(toks, default):
    return toks[-1][1] if toks else default


def split_top(toks, sep=','):
    out, cur, depth = [], [], 0
    for tok in toks:
        x = tok[0] if isinstance(tok, tuple) else tok
        if x in '([{':
            depth += 1
        elif x in ')]}':
            depth -= 1
        if x == sep and depth == 0:
            out.append(cur)
            cur = []
        else:
            cur.append(tok)
    out.append(cur)
    return out


class Function:
    """A parsed function: parameters, statement tree, guarded statements."""

    def __init__(self, name, toks):
        self.name = name
        self.params = []        # (name, type words)
        self.body = None
        self.stmts = []         # (Stmt, guards) for every expr/jump
        i = 0
        while i < len(toks) and toks[i][0] != '(':
            i += 1
        p = Parser(toks)
        p.i = i
        ptoks = p.paren() if i < len(toks) else []
        for part in split_top(ptoks):
            words = [w for w, _ in part]
            names = [w for w in words if re.match(r'[A-Za-z_]\w*$', w)]
            if names:
                self.params.append((names[-1], words[:-1]))
        while p.i < len(toks) and p.peek() != '{':
            p.i += 1
        if p.i < len(toks):
            self.body = p.block()
            self._walk(self.body, [])

    def _walk(self, s, guards):
        """Record every leaf statement with the guards above it. A guard
        is (kind, condition tokens, wanted truth, line)."""
        if s.kind in ('expr', 'jump'):
            self.stmts.append((s, list(guards)))
            return
        if s.kind == 'if':
            self.stmts.append((Stmt('cond', s.l0, _last(s.cond, s.l0),
                                    toks=s.cond), list(guards)))
            g = ('if', s.cond, True, s.l0)
            self._walk(s.kids[0], guards + [g])
            if s.alt is not None:
                self._walk(s.alt, guards + [('if', s.cond, False, s.l0)])
            return
        if s.kind == 'loop':
            if s.toks:
                self.stmts.append((Stmt('expr', s.l0, _last(s.toks, s.l0),
                                        toks=s.toks), list(guards)))
            if s.cond:
                self.stmts.append((Stmt('cond', s.l0, _last(s.cond, s.l0),
                                        toks=s.cond), list(guards)))
            g = guards + ([('loop', s.cond, True, s.l0)] if s.cond else [])
            self._walk(s.kids[0], g)
            return
        if s.kind == 'switch':
            self.stmts.append((Stmt('cond', s.l0, _last(s.cond, s.l0),
                                    toks=s.cond), list(guards)))
            body = s.kids[0]
            kids = body.kids if body.kind == 'block' else [body]
            labels = []     # case labels live at this point
            live_default = False
            for k in kids:
                if k.kind == 'label' and k.toks[0] in ('case', 'default'):
                    if k.toks[0] == 'default':
                        live_default = True
                    else:
                        labels.append(k.toks[1:])
                    continue
                g = guards
                if not live_default:
                    g = guards + [('case', s.cond, labels[:], s.l0)]
                self._walk(k, g)
                if _ends_in_jump(k) or (k.kind == 'jump' and
                                        k.toks[0][0] == 'break'):
                    labels, live_default = [], False
            return
        if s.kind == 'block':
            extra = []
            for k in s.kids:
                if k.kind == 'label':
                    extra = []
                    continue
                self._walk(k, guards + extra)
                if k.kind == 'if' and k.alt is None and \
                        _ends_in_jump(k.kids[0]):
                    extra = extra + [('exit', k.cond, False, k.l0)]
            return


# ---------------------------------------------------------------------------
# The evaluator
# ---------------------------------------------------------------------------

def _join(vals):
    vals = list(vals)
    if not vals or any(v is UNKNOWN for v in vals):
        return UNKNOWN
    if all(v == vals[0] for v in vals):
        return vals[0]
    if all(v[0] in ('bits', 'sym') or v == ZERO for v in vals):
        bits = set()
        for v in vals:
            if v[0] == 'bits':
                bits |= v[1]
            elif v[0] == 'sym':
                bits.add(v[1])
        return ('bits', frozenset(bits))
    if all(v[0] == 'nz' or (v[0] == 'k' and v[1]) or v[0] == 'sym'
           for v in vals):
        return NZ
    return UNKNOWN


def truth(v):
    """True, False or None (unknown) for a value used as a condition."""
    if v is UNKNOWN:
        return None
    if v[0] == 'k':
        return v[1] != 0
    if v[0] in ('nz', 'sym'):
        return True
    if v[0] == 'bits':
        return False if not v[1] else None
    return None


def _bool(b):
    return UNKNOWN if b is None else (ONE if b else ZERO)


class Reach:
    """Reachability of the lines of a Unit's xmit path by AF_XDP skbs."""

    def __init__(self, unit):
        self.unit = unit
        self.fns = {}           # name -> Function (first definition)
        self.file_of = {}
        for name in unit.reach:
            d = unit.funcs[name][0]
            clean = unit.text[d.file]
            toks = []
            line = d.first
            pos = d.start
            for m in TOKEN.finditer(clean, d.start, d.end):
                line += clean.count('\n', pos, m.start())
                pos = m.start()
                toks.append((m.group(), line))
            self.fns[name] = Function(name, toks)
            self.file_of[name] = d.file
        self.vars = {n: {} for n in self.fns}
        self.fields = {}
        self.returns = {}
        self.dead = set()       # (fn, statement first line) not reached
        self.dead_fns = {}
        self.stored_fields = set()
        self._g = []
        for F in self.fns.values():
            for s, _ in F.stmts:
                w = [t for t, _ in s.toks]
                for n in range(2, len(w) - 1):
                    if w[n - 1] in ('->', '.') and w[n + 1] in ('=', '|='):
                        self.stored_fields.add((w[n - 2], w[n]))
                for key, _ in self._designated_fields(w):
                    self.stored_fields.add(key)
        for _ in range(4):
            before = (len(self.dead), len(self.dead_fns))
            self._values()
            self._dead()
            if (len(self.dead), len(self.dead_fns)) == before:
                break

    # -- values -------------------------------------------------------
    def value(self, fn, e, depth=0):
        k = e[0]
        if depth > 12:
            return UNKNOWN
        if k == 'num':
            return ('k', e[1])
        if k == 'sizeof':
            return NZ
        if k == 'id':
            n = e[1]
            if n in CONSTS:
                return ('k', CONSTS[n])
            if fn and n in self.vars.get(fn, {}):
                return self.vars[fn][n]
            if re.match(r'[A-Z][A-Z0-9_]*$', n):
                return ('sym', n)
            return UNKNOWN
        if k == 'mem':
            base, f = e[1], e[2]
            if self._shinfo(fn, base):
                return SHINFO_FIELDS.get(f, UNKNOWN)
            if skbish(base):
                return SKB_FIELDS.get(f, UNKNOWN)
            return self.fields.get((_base_name(base), f), UNKNOWN)
        if k == 'call':
            callee = e[1][1] if e[1][0] == 'id' else None
            args = e[2]
            if callee in TRANSPARENT and args:
                return self.value(fn, args[0], depth + 1)
            if callee in ('min', 'min_t') and args:
                vs = [self.value(fn, a, depth + 1) for a in args[-2:]]
                if any(v == ZERO for v in vs):
                    return ZERO
                return UNKNOWN
            if callee == 'eth_type_vlan' and args:
                v = self.value(fn, args[0], depth + 1)
                return ZERO if v == ZERO else UNKNOWN
            if callee in SKB_CALLS and args and skbish(args[0]):
                return SKB_CALLS[callee]
            if callee in self.returns:
                return self.returns[callee]
            return UNKNOWN
        if k == 'un':
            op, a = e[1], e[2]
            if op == '!':
                t = truth(self.value(fn, a, depth + 1))
                return _bool(None if t is None else not t)
            if op in ('-', '~', '*', '&', '++', '--'):
                return UNKNOWN
            return self.value(fn, a, depth + 1)
        if k == '?:':
            t = truth(self.value(fn, e[1], depth + 1))
            if t is None:
                return _join([self.value(fn, e[2], depth + 1),
                              self.value(fn, e[3], depth + 1)])
            return self.value(fn, e[2] if t else e[3], depth + 1)
        if k == 'bin':
            return self._binary(fn, e, depth)
        if k == ',':
            return self.value(fn, e[2], depth + 1)
        return UNKNOWN

    def _shinfo(self, fn, e):
        if e[0] == 'call' and e[1] == ('id', 'skb_shinfo'):
            return True
        if e[0] == 'id' and fn in self.fns:
            return self.vars.get(fn, {}).get(e[1]) == ('shinfo',)
        return False

    def _binary(self, fn, e, depth):
        op, a, b = e[1], e[2], e[3]
        if op == '-' and a[0] == 'mem' and b[0] == 'mem' and \
                a[2] == 'len' and b[2] == 'data_len' and skbish(a[1]):
            return ZERO
        va = self.value(fn, a, depth + 1)
        vb = self.value(fn, b, depth + 1)
        if op == '&&':
            ta, tb = truth(va), truth(vb)
            if ta is False or tb is False:
                return ZERO
            return ONE if ta and tb else UNKNOWN
        if op == '||':
            ta, tb = truth(va), truth(vb)
            if ta or tb:
                return ONE
            return ZERO if ta is False and tb is False else UNKNOWN
        if op == '&':
            if va == ZERO or vb == ZERO:
                return ZERO
            for x, y in ((va, vb), (vb, va)):
                if x and y and x[0] == 'bits' and y[0] == 'sym' and \
                        'MASK' not in y[1]:
                    return ZERO if y[1] not in x[1] else UNKNOWN
                if x and y and x[0] == 'sym' and y[0] == 'sym' and \
                        x[1] != y[1] and 'MASK' not in x[1] + y[1]:
                    return ZERO
            if va and vb and va[0] == 'k' and vb[0] == 'k':
                return ('k', va[1] & vb[1])
            return UNKNOWN
        if op == '|':
            bits = []
            for v in (va, vb):
                b2 = self._as_bits(v)
                if b2 is None:
                    return UNKNOWN if v is UNKNOWN or v[0] != 'nz' else NZ
                bits.append(b2)
            return ('bits', bits[0] | bits[1])
        if op == '<<':
            if b[0] == 'id' and b[1].endswith('SHIFT'):
                return ('bits', frozenset(['<<' + b[1]]))
            if va == ZERO:
                return ZERO
            return UNKNOWN
        if op in ('==', '!=', '<', '>', '<=', '>='):
            r = self._compare(op, va, vb)
            return _bool(r)
        if op in ('+', '-', '*', '/', '%', '>>', '^'):
            if va and vb and va[0] == 'k' and vb[0] == 'k':
                try:
                    return ('k', eval('%d %s %d' % (va[1], {
                        '/': '//'}.get(op, op), vb[1])))
                except ZeroDivisionError:
                    return UNKNOWN
            if op == '*' and (va == ZERO or vb == ZERO):
                return ZERO
            return UNKNOWN
        return UNKNOWN

    @staticmethod
    def _as_bits(v):
        if v is UNKNOWN:
            return None
        if v == ZERO:
            return frozenset()
        if v[0] == 'bits':
            return v[1]
        if v[0] == 'sym':
            return frozenset([v[1]])
        return None

    @staticmethod
    def _compare(op, va, vb):
        def num(v):
            if v is UNKNOWN:
                return None
            if v[0] == 'k':
                return v[1]
            return None
        a, b = num(va), num(vb)
        if a is not None and b is not None:
            return {'==': a == b, '!=': a != b, '<': a < b, '>': a > b,
                    '<=': a <= b, '>=': a >= b}[op]
        # One side 0: sizes are non-negative; non-zero constants and
        # non-zero values differ from 0.
        if op in ('<', '>', '<=', '>='):
            if b == 0:
                return {'<': False, '>=': True}.get(op) if va is UNKNOWN \
                    or va[0] != 'nz' else op in ('>', '>=')
            if a == 0:
                return {'>': False, '<=': True}.get(op) if vb is UNKNOWN \
                    or vb[0] != 'nz' else op in ('<', '<=')
            return None
        for x, y in ((a, vb), (b, va)):
            if x == 0 and y is not UNKNOWN and (y[0] in ('nz', 'sym')):
                return op == '!='
        if va and vb and va[0] == 'sym' and vb[0] == 'sym' and \
                va[1] == vb[1]:
            return op == '=='
        return None

    def cond_value(self, fn, toks):
        e = Expr([t for t, _ in toks]).parse()
        return self.value(fn, e)

    # -- flow ---------------------------------------------------------
    def _reached(self, fn, s, guards):
        return (fn, s.l0) not in self.dead and fn not in self.dead_fns

    def _values(self):
        """Variables, fields and return values from reachable stores."""
        stores = {n: {} for n in self.fns}
        fields = {}
        rets = {n: [] for n in self.fns}
        for name, F in self.fns.items():
            pnames = set(p for p, _ in F.params)
            for s, guards in F.stmts:
                if not self._reached(name, s, guards):
                    continue
                words = [t for t, _ in s.toks]
                if s.kind == 'jump' and words and words[0] == 'return':
                    if len(words) > 1:
                        rets[name].append(Expr(words[1:]).parse())
                    continue
                if s.kind != 'expr':
                    continue
                self._g = guards
                for part in split_top(words):
                    self._store(name, part, pnames, stores[name], fields)
        for name, F in self.fns.items():
            vals = dict((p, ('shinfo',)) for p, words in F.params
                        if 'skb_shared_info' in words)
            for var, recs in stores[name].items():
                vals[var] = self._var_value(name, var, recs)
            self.vars[name] = vals
        self.fields = {}
        for f in self.stored_fields:
            exprs = fields.get(f)
            self.fields[f] = (_join(self._eval_store(fn, x)
                                    for fn, x in exprs) if exprs else ZERO)
        self.returns = {}
        for name, exprs in rets.items():
            vals = [self.value(name, x) for x in exprs]
            if vals and all(v is not UNKNOWN for v in vals):
                v = _join(vals)
                if v is not UNKNOWN:
                    self.returns[name] = v

    def _add(self, stores, var, x):
        stores.setdefault(var, []).append((x, self._g))

    def _var_value(self, fn, var, recs):
        """Join of a variable's stores. A store under a guard that tests
        the variable itself is dropped when the other stores make that
        guard false (protocol = skb->protocol; if (protocol == VLAN)
        protocol = inner type)."""
        if any(x == ('shinfo',) for x, _ in recs):
            return ('shinfo',)

        def mentions(guards):
            return any(g[1] and var in [t for t, _ in g[1]] for g in guards)
        base = [x for x, g in recs if not mentions(g)]
        rest = [(x, g) for x, g in recs if mentions(g)]
        vals = [self._eval_store(fn, x) for x in base]
        if not rest:
            return _join(vals)
        hyp = _join(vals) if vals else UNKNOWN
        if hyp is UNKNOWN:
            return UNKNOWN
        old = self.vars[fn].get(var)
        self.vars[fn][var] = hyp
        keep = [x for x, g in rest if not self.guard_false(fn, g)]
        if old is None:
            del self.vars[fn][var]
        else:
            self.vars[fn][var] = old
        return _join(vals + [self._eval_store(fn, x) for x in keep])

    def _eval_store(self, fn, x):
        if x == ('shinfo',) or x is UNKNOWN:
            return x
        if x[0] == 'val':
            return x[1]
        if x[0] == 'or':
            bits = self._as_bits(self.value(fn, x[1]))
            return UNKNOWN if bits is None else ('bits', bits)
        return self.value(fn, x)

    def _store(self, fn, words, pnames, stores, fields):
        """Record the assignments of one statement (or declarator)."""
        # &V handed to a function of the driver: its stores through the
        # parameter; &V anywhere else: unknown.
        for m in range(len(words) - 1):
            if words[m] == '&' and re.match(r'[A-Za-z_]\w*$', words[m + 1]) \
                    and (m == 0 or words[m - 1] in ('(', ',', '=')) \
                    and (m + 2 >= len(words) or
                         words[m + 2] not in ('->', '.', '[')):
                var = words[m + 1]
                self._out_param(fn, words, m, var, stores)
        self._designated(fn, words, fields)
        e = Expr(words).parse()
        if e[0] == '?':
            # A declaration: "T V = E" or "T *V = E".
            if '=' in words:
                j = words.index('=')
                lhs = words[:j]
                names = [w for w in lhs if re.match(r'[A-Za-z_]\w*$', w)]
                if names and all(re.match(r'[A-Za-z_]\w*$|\*$', w)
                                 for w in lhs):
                    rhs = Expr(words[j + 1:]).parse()
                    if 'skb_shared_info' in lhs:
                        self._add(stores, names[-1], ('shinfo',))
                    else:
                        self._add(stores, names[-1], rhs)
                    return
            return
        self._assign_tree(fn, e, stores, fields, pnames)

    def _designated(self, fn, words, fields):
        for key, rest in self._designated_fields(words):
            fields.setdefault(key, []).append((fn, Expr(rest).parse()))

    @staticmethod
    def _designated_fields(words):
        """((base, field), value tokens) of the designated initializers
        in a statement; the base is the name assigned to."""
        out = []
        if '=' not in words:
            return out
        lhs = [w for w in words[:words.index('=')]
               if re.match(r'[A-Za-z_]\w*$', w)]
        if not lhs:
            return out
        base = lhs[-1]
        for m in range(len(words) - 2):
            if words[m] in ('{', ',') and words[m + 1] == '.' and \
                    words[m + 3:m + 4] == ['=']:
                rest = words[m + 4:]
                depth, end = 0, len(rest)
                for n, w in enumerate(rest):
                    if w in '([{':
                        depth += 1
                    elif w in ')]}':
                        if depth == 0:
                            end = n
                            break
                        depth -= 1
                    elif w == ',' and depth == 0:
                        end = n
                        break
                out.append(((base, words[m + 2]), rest[:end]))
        return out

    def _assign_tree(self, fn, e, stores, fields, pnames):
        if e[0] == ',':
            self._assign_tree(fn, e[1], stores, fields, pnames)
            self._assign_tree(fn, e[2], stores, fields, pnames)
            return
        if e[0] in ('post', 'un') and e[1] in ('++', '--'):
            tgt = e[2]
            if tgt[0] == 'id':
                self._add(stores, tgt[1], UNKNOWN)
            elif tgt[0] == 'mem':
                fields.setdefault((_base_name(tgt[1]), tgt[2]),
                                  []).append((fn, UNKNOWN))
            return
        if e[0] == 'call':
            for a in e[2]:
                self._assign_tree(fn, a, stores, fields, pnames)
            return
        if e[0] != 'assign':
            return
        op, lhs, rhs = e[1], e[2], e[3]
        if op == '=':
            val = rhs
        elif op == '|=':
            val = ('bin', '|', lhs, rhs)
        elif op == '&=':
            # Clears bits: no new flag; a number becomes unknown.
            val = ('val', ('bits', frozenset()))
        else:
            val = ('val', UNKNOWN)      # +=, -=, ...: not known
        if op == '|=':
            val = ('or', rhs)
        if lhs[0] == 'id':
            if op == '=' and rhs[0] == 'call' and \
                    rhs[1] == ('id', 'skb_shinfo'):
                self._add(stores, lhs[1], ('shinfo',))
            else:
                self._add(stores, lhs[1], val)
        elif lhs[0] == 'mem':
            fields.setdefault((_base_name(lhs[1]), lhs[2]), []).append(
                (fn, val))
        if rhs[0] == 'assign':
            self._assign_tree(fn, rhs, stores, fields, pnames)

    def _out_param(self, fn, words, m, var, stores):
        """&var at words[m]: the stores of the callee through it."""
        # Find the call: the identifier before the '(' that encloses m.
        depth, j = 0, m - 1
        while j >= 0:
            if words[j] == ')':
                depth += 1
            elif words[j] == '(':
                if depth == 0:
                    break
                depth -= 1
            j -= 1
        callee = words[j - 1] if j > 0 else None
        if callee not in self.fns:
            self._add(stores, var, UNKNOWN)
            return
        # Which argument?
        k = j + 1
        args = split_top(words[k:])
        argn, pos = 0, k
        for n, a in enumerate(args):
            if pos <= m < pos + len(a):
                argn = n
                break
            pos += len(a) + 1
        F = self.fns[callee]
        if argn >= len(F.params):
            self._add(stores, var, UNKNOWN)
            return
        pname = F.params[argn][0]
        for s, guards in F.stmts:
            if s.kind != 'expr' or not self._reached(callee, s, guards):
                continue
            w = [t for t, _ in s.toks]
            for n in range(len(w) - 2):
                if w[n] == '*' and w[n + 1] == pname and \
                        w[n + 2] in ('=', '|=', '+=', '-=') and \
                        (n == 0 or w[n - 1] in (';', ',', '(', '{')):
                    if w[n + 2] == '=':
                        rhs = split_top(w[n + 3:])[0]
                        v = self.value(callee, Expr(rhs).parse())
                        self._add(stores, var, ('val', v))
                    else:
                        self._add(stores, var, UNKNOWN)

    # -- reachability -------------------------------------------------
    def guard_false(self, fn, guards):
        """The first guard (outermost) that an AF_XDP skb cannot pass."""
        for g in guards:
            kind, cond, want, line = g
            if cond is None:
                continue
            if kind == 'case':
                v = self.cond_value(fn, cond)
                if v is UNKNOWN or v[0] != 'k':
                    continue
                if not want:
                    continue
                ok = False
                for lab in want:
                    lv = self.value(fn, Expr(lab).parse())
                    if lv is UNKNOWN or lv == v or lv[0] not in ('k', 'sym'):
                        ok = True
                        break
                    if lv[0] == 'k' and lv[1] == v[1]:
                        ok = True
                        break
                if not ok:
                    return g
                continue
            t = truth(self.cond_value(fn, cond))
            if t is not None and t != want:
                return g
        return None

    def _dead(self):
        for name, F in self.fns.items():
            for s, guards in F.stmts:
                if self.guard_false(name, guards):
                    self.dead.add((name, s.l0))
        # Functions called only from dead statements.
        sites = {}
        for caller in self.fns:
            for d in self.unit.funcs[caller]:
                for callee, line, _ in d.calls:
                    if callee in self.fns and callee != caller:
                        sites.setdefault(callee, []).append((caller, line))
        changed = True
        while changed:
            changed = False
            for fn in self.fns:
                if fn in self.dead_fns or fn in self.unit.roots or \
                        not sites.get(fn):
                    continue
                if all(c in self.dead_fns or self._line_dead(c, line)
                       for c, line in sites[fn]):
                    self.dead_fns[fn] = sites[fn]
                    changed = True

    def _short(self, fn, s, line):
        """A guard for @line inside statement @s: an earlier operand of
        a top-level && (||) chain that is false (true) for AF_XDP skbs."""
        toks = list(s.toks)
        if toks and toks[0][0] == 'return':
            toks = toks[1:]
        for n, (t, _) in enumerate(toks):
            if t == '=' and n > 0:
                toks = toks[n + 1:]
                break
        for op, want in (('&&', True), ('||', False)):
            parts = split_top(toks, op)
            if len(parts) < 2:
                continue
            for part in parts:
                if not part or part[0][1] >= line:
                    break
                if part[-1][1] >= line:
                    break
                t = truth(self.cond_value(fn, part))
                if t is not None and t != want:
                    return ('short', part, want, part[0][1])
        return None

    def _line_dead(self, fn, line):
        F = self.fns.get(fn)
        if not F:
            return False
        for s, guards in F.stmts:
            if s.l0 <= line <= s.l1:
                return (fn, s.l0) in self.dead
        return False

    def why(self, fn, line, seen=None):
        """None if an AF_XDP skb may reach @line of @fn, else
        (kind, reason): kind 'csum' when the guard is a checksum test."""
        F = self.fns.get(fn)
        if not F:
            return None
        if fn in self.dead_fns:
            callers = sorted(set('%s() line %d' % cl
                                 for cl in self.dead_fns[fn]))
            why = ('%s() is called only where an AF_XDP skb does not go '
                   '(from %s)' % (fn, ', '.join(callers[:3]) +
                                  (', ...' if len(callers) > 3 else '')))
            kinds = set()
            seen = (seen or set()) | {fn}
            for c, cl in self.dead_fns[fn]:
                r = None if c in seen else self.why(c, cl, seen)
                if r:
                    kinds.add(r[0])
            return ('csum' if kinds == {'csum'} else 'guard', why)
        best = None
        for s, guards in F.stmts:
            if s.l0 <= line <= s.l1:
                g = self.guard_false(fn, guards) or self._short(fn, s, line)
                if not g:
                    return None
                best = best or g
        if not best:
            return None
        kind, cond, want, gline = best
        text = _fmt([t for t, _ in cond])
        if kind == 'short':
            why = ('"%s" at line %d, earlier in the same %s chain, is %s for '
                   'an AF_XDP skb' % (text, gline, '&&' if want else '||',
                                      'false' if want else 'true'))
        elif kind == 'case':
            why = ('switch (%s) at line %d: only its case labels lead here, '
                   'and the value is 0 for an AF_XDP skb' % (text, gline))
        elif kind == 'exit':
            why = ('after "if (%s)" at line %d, which leaves for an AF_XDP '
                   'skb' % (text, gline))
        else:
            why = ('"%s" at line %d is %s for an AF_XDP skb' %
                   (text, gline, 'false' if want else 'true'))
        csum = re.search(r'CHECKSUM_PARTIAL|ip_summed', text)
        return ('csum' if csum else 'guard', why)
