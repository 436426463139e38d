#!/usr/bin/env python3
"""Comity federation protocol v1: a second implementation, written from README.md in this folder.

Standard library + python3-cryptography only (Debian: apt-get install python3-cryptography).

  conformance.py --vectors
      verifies every vector and hand-written case in this folder (signatures, decryption,
      canonical bytes, hashes, card signatures, expected rejections).
  conformance.py --keys FILE --print-card --endpoint URL [--name N --state XXX]
      creates a key pair in FILE if it does not exist and prints this checker's signed node card,
      for the node's administrator to import (POST /api/v1/peers).
  conformance.py --keys FILE --node URL [--window SECONDS] [--with-sequence]
      against a running node that trusts that card: sends a valid envelope, replays, a retry and the
      rejection cases, and checks status codes, problem codes, `retryable` and the signed receipts.

Exit status 0 when every check passed. A case marked `pending` describes a behaviour the
specification requires and the node is known not to have yet: it is reported (xfail) without
failing the run, and reported as XPASS once the node does it, so that the mark can be removed.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

try:
    from cryptography.exceptions import InvalidSignature, InvalidTag
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
except ImportError:  # pragma: no cover - reported to the caller
    sys.stderr.write("conformance.py needs python3-cryptography (Debian: apt-get install python3-cryptography)\n")
    sys.exit(3)

HERE = Path(__file__).resolve().parent
HKDF_INFO = b"comity envelope v1 aes-256-gcm"
PAYLOAD_ALG = "X25519-HKDF-SHA256-A256GCM"
MESSAGE_TYPES = ["request.transmit", "request.status", "request.more-info", "request.more-info-answer", "message.note", "attachment.chunk", "node.card", "knowledge.facts", "consent.request", "consent.answer", "evidence.offer", "hits.query", "hits.answer", "hits.matched", "hits.disclosure", "hits.expired", "cultural.record", "statistics.share"]
MARKINGS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]
# The table of README.md: reason -> (HTTP status, retryable).
REJECTIONS = {
    "envelope_malformed": (400, False),
    "wrong_recipient": (421, False),
    "unknown_sender": (403, True),
    "peer_suspended": (403, True),
    "peer_revoked": (403, False),
    "peer_card_expired": (403, True),
    "bad_signature": (401, True),
    "message_stale": (400, True),
    "unsupported_type": (422, False),
    "decryption_failed": (422, True),
    "payload_invalid": (422, False),
    "payload_rejected": (422, False),
}


class Rejected(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class NotIJson(ValueError):
    pass


# ---- RFC 8785 canonical JSON -------------------------------------------------------------------

def _check_text(s: str) -> None:
    for ch in s:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise NotIJson("lone surrogate")


def _es_number(x: float) -> str:
    """ECMAScript Number::toString, which RFC 8785 prescribes for numbers."""
    if not math.isfinite(x):
        raise NotIJson("not a finite number")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    r = repr(abs(x))
    mant, _, exp = r.partition("e")
    point = mant.index(".") if "." in mant else len(mant)
    digits = mant.replace(".", "")
    stripped = digits.lstrip("0")
    n = point + (int(exp) if exp else 0) - (len(digits) - len(stripped))
    digits = stripped.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _es_string(s: str, lax: bool = False) -> str:
    if not lax:
        _check_text(s)
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (lax and 0xD800 <= ord(ch) <= 0xDFFF):
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def jcs(value, lax: bool = False) -> str:
    """Canonical JSON text. `lax` lets lone surrogates through (escaped), only to build bad input."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return _es_number(float(value))
    if isinstance(value, str):
        return _es_string(value, lax)
    if isinstance(value, list):
        return "[" + ",".join(jcs(v, lax) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(_es_string(k, lax) + ":" + jcs(value[k], lax) for k in keys) + "}"
    raise TypeError(f"not JSON: {type(value).__name__}")


def parse_ijson(text: str):
    """Parses JSON text, refusing what is not I-JSON (duplicate names, non-finite numbers, lone surrogates)."""

    def pairs(items):
        obj = {}
        for k, v in items:
            _check_text(k)
            if k in obj:
                raise NotIJson(f"duplicate member name {k!r}")
            obj[k] = v
        return obj

    def constant(name):
        raise NotIJson(f"{name} is not JSON")

    def walk(v):
        if isinstance(v, str):
            _check_text(v)
        elif isinstance(v, float) and not math.isfinite(v):
            raise NotIJson("number out of range")
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        return v

    return walk(json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_int=lambda s: float(int(s)), parse_float=float))


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


# ---- encodings and identifiers -----------------------------------------------------------------

B64URL = re.compile(r"[A-Za-z0-9_-]*")


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str, length: int | None = None) -> bytes:
    """Canonical unpadded base64url only: decoding and encoding again gives the same text."""
    if not isinstance(text, str) or not B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64e(data) != text:
        raise ValueError("not the canonical base64url form")
    if length is not None and len(data) != length:
        raise ValueError(f"{len(data)} bytes, expected {length}")
    return data


def key_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:32]


def node_id_for(signing_raw: bytes) -> str:
    return "node-" + hashlib.sha256(signing_raw).hexdigest()[:20]


def fingerprint(raw: bytes) -> str:
    h = hashlib.sha256(raw).hexdigest()[:40]
    return " ".join(h[i : i + 4] for i in range(0, 40, 4))


def _well_formed(s: str) -> bool:
    return isinstance(s, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in s) and "\x00" not in s


DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z")


def valid_created_at(s) -> bool:
    m = isinstance(s, str) and DATE_RE.fullmatch(s)
    if not m:
        return False
    y, mo, d, h, mi, sec, _ = (int(g) for g in m.groups())
    try:
        datetime(y, mo, d, h, mi, sec)
    except ValueError:
        return False
    return True


VALIDATORS = {
    "nodeId": lambda s: isinstance(s, str) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]{2,127}", s) is not None,
    "messageId": lambda s: isinstance(s, str) and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", s) is not None,
    "keyId": lambda s: isinstance(s, str) and re.fullmatch(r"[0-9a-f]{32}", s) is not None,
    "rawKey": lambda s: _decodes(s, 32),
    "signature": lambda s: _decodes(s, 64),
    "createdAt": valid_created_at,
    "conversationId": lambda s: _well_formed(s) and 1 <= len(s) <= 200,
    "marking": lambda s: s in MARKINGS,
    "type": lambda s: isinstance(s, str) and re.fullmatch(r"[a-z][a-z0-9.-]{1,63}", s) is not None,
}


def _decodes(s, n) -> bool:
    try:
        b64d(s, n)
        return True
    except ValueError:
        return False


HEADER_KEYS = {"v", "messageId", "sender", "recipient", "type", "createdAt", "inReplyTo", "conversationId", "marking"}


def check_envelope_shape(env, allow_sequence: bool = True) -> None:
    """The envelope rules of README.md; raises Rejected('envelope_malformed')."""

    def bad(why):
        raise Rejected("envelope_malformed", why)

    if not isinstance(env, dict) or set(env) != {"header", "encrypted", "signature"}:
        bad("envelope keys")
    h, e, s = env["header"], env["encrypted"], env["signature"]
    keys = HEADER_KEYS | ({"sequence"} if allow_sequence else set())
    if not isinstance(h, dict) or not HEADER_KEYS <= set(h) or not set(h) <= keys:
        bad("header keys")
    if h["v"] != 1 or isinstance(h["v"], bool):
        bad("v")
    for field, kind in [("messageId", "messageId"), ("sender", "nodeId"), ("recipient", "nodeId"), ("type", "type"), ("createdAt", "createdAt"), ("conversationId", "conversationId"), ("marking", "marking")]:
        if not VALIDATORS[kind](h[field]):
            bad(field)
    if h["inReplyTo"] is not None and not VALIDATORS["messageId"](h["inReplyTo"]):
        bad("inReplyTo")
    if "sequence" in h and (not isinstance(h["sequence"], int) or isinstance(h["sequence"], bool) or h["sequence"] < 1):
        bad("sequence")
    if not isinstance(e, dict) or set(e) != {"alg", "recipientKey", "epk", "nonce", "ciphertext"} or e["alg"] != PAYLOAD_ALG:
        bad("encrypted")
    if not VALIDATORS["keyId"](e["recipientKey"]) or not _decodes(e["epk"], 32) or not _decodes(e["nonce"], 12):
        bad("encrypted fields")
    try:
        if len(b64d(e["ciphertext"])) < 16:
            bad("ciphertext")
    except ValueError:
        bad("ciphertext")
    if not isinstance(s, dict) or set(s) != {"alg", "keyId", "value"} or s["alg"] != "Ed25519" or not VALIDATORS["keyId"](s["keyId"]):
        bad("signature")
    if not isinstance(s["value"], str) or not re.fullmatch(r"[A-Za-z0-9_-]{86}", s["value"]):
        bad("signature value")


# ---- cryptography -------------------------------------------------------------------------------

def ed_raw(priv: Ed25519PrivateKey) -> bytes:
    return priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def x_raw(priv: X25519PrivateKey) -> bytes:
    return priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(priv: Ed25519PrivateKey, text: str) -> str:
    return b64e(priv.sign(utf8(text)))


def verify(public_raw: bytes, text: str, sig: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(b64d(sig, 64), utf8(text))
        return True
    except (InvalidSignature, ValueError):
        return False


def payload_key(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + recipient, info=HKDF_INFO).derive(shared)


def seal(plaintext: str, aad: str, recipient_raw: bytes, ephemeral: X25519PrivateKey | None = None, nonce: bytes | None = None) -> dict:
    ephemeral = ephemeral or X25519PrivateKey.generate()
    nonce = nonce or os.urandom(12)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_raw))
    epk = x_raw(ephemeral)
    ct = AESGCM(payload_key(shared, epk, recipient_raw)).encrypt(nonce, utf8(plaintext), utf8(aad))
    return {"alg": PAYLOAD_ALG, "recipientKey": key_id(recipient_raw), "epk": b64e(epk), "nonce": b64e(nonce), "ciphertext": b64e(ct)}


def open_sealed(e: dict, aad: str, keys: list[X25519PrivateKey]) -> bytes:
    key = next((k for k in keys if key_id(x_raw(k)) == e["recipientKey"]), None)
    if key is None:
        raise Rejected("decryption_failed", "sealed to a key this receiver does not hold")
    try:
        epk = b64d(e["epk"], 32)
        shared = key.exchange(X25519PublicKey.from_public_bytes(epk))  # raises on a low-order point
        return AESGCM(payload_key(shared, epk, x_raw(key))).decrypt(b64d(e["nonce"], 12), b64d(e["ciphertext"]), utf8(aad))
    except (ValueError, InvalidTag) as err:
        raise Rejected("decryption_failed", str(err) or type(err).__name__) from None


def signing_text(header: dict, encrypted: dict, lax: bool = False) -> str:
    return jcs({"header": header, "encrypted": encrypted}, lax)


def build_envelope(priv: Ed25519PrivateKey, header: dict, payload, recipient_raw: bytes, lax: bool = False) -> dict:
    encrypted = seal(jcs(payload), jcs(header, lax), recipient_raw)
    return {"header": header, "encrypted": encrypted, "signature": {"alg": "Ed25519", "keyId": key_id(ed_raw(priv)), "value": sign(priv, signing_text(header, encrypted, lax))}}


def receive(env, *, self_node: str, peer: dict | None, now_ms: int, window_ms: int, keys: list[X25519PrivateKey]) -> bytes:
    """The receiving checks in the order of README.md; returns the plaintext or raises Rejected."""
    check_envelope_shape(env)
    h, e, s = env["header"], env["encrypted"], env["signature"]
    if h["recipient"] != self_node:
        raise Rejected("wrong_recipient")
    if peer is None or peer["nodeId"] != h["sender"]:
        raise Rejected("unknown_sender")
    if s["keyId"] != key_id(peer["signingKey"]) or not verify(peer["signingKey"], signing_text(h, e), s["value"]):
        raise Rejected("bad_signature")
    created = parse_ms(h["createdAt"])
    if abs(now_ms - created) > window_ms:
        raise Rejected("message_stale")
    if h["type"] not in MESSAGE_TYPES:
        raise Rejected("unsupported_type")
    return open_sealed(e, jcs(h), keys)


def parse_ms(iso: str) -> int:
    return int(datetime.strptime(iso.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000 + 0.5)


def iso_ms(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def uuid7(ms: int | None = None) -> str:
    ms = int(time.time() * 1000) if ms is None else ms
    b = bytearray(ms.to_bytes(6, "big") + os.urandom(10))
    b[6] = 0x70 | (b[6] & 0x0F)
    b[8] = 0x80 | (b[8] & 0x3F)
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ---- reporting ----------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.failed = 0
        self.passed = 0
        self.xfail = 0
        self.xpass = 0

    def check(self, name: str, ok: bool, detail: str = "", pending: str | None = None) -> bool:
        if pending:
            if ok:
                self.xpass += 1
                print(f"XPASS {name} — the node now does this; remove the pending mark ({pending})")
            else:
                self.xfail += 1
                print(f"xfail {name} — pending: {pending}{' — ' + detail if detail else ''}")
            return ok
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}{' — ' + detail if detail else ''}")
        return ok

    def summary(self) -> int:
        print(f"\n{self.passed} passed, {self.failed} failed, {self.xfail} pending (xfail), {self.xpass} pending now passing (XPASS)")
        return 1 if self.failed else 0


def load(name: str):
    return json.loads((HERE / name).read_text("utf-8"))


# ---- (a) the vectors ----------------------------------------------------------------------------

def check_vectors(rep: Report) -> None:
    v = load("envelope-v1.json")
    i, st, env = v["inputs"], v["steps"], v["envelope"]
    sender = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(i["senderSigningSeed"]))
    recipient = X25519PrivateKey.from_private_bytes(bytes.fromhex(i["recipientEncryptionSeed"]))
    ephemeral = X25519PrivateKey.from_private_bytes(bytes.fromhex(i["ephemeralSeed"]))
    rep.check("envelope-v1: public keys from the seeds", b64e(ed_raw(sender)) == i["senderSigningPublicKey"] and b64e(x_raw(recipient)) == i["recipientEncryptionPublicKey"] and b64e(x_raw(ephemeral)) == i["ephemeralPublicKey"])
    rep.check("envelope-v1: AAD = JCS(header)", jcs(i["header"]) == st["aad"])
    rep.check("envelope-v1: plaintext = JCS(payload)", jcs(i["payload"]) == st["plaintext"])
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(x_raw(recipient)))
    rep.check("envelope-v1: X25519 shared secret", shared.hex() == st["sharedSecret"])
    rep.check("envelope-v1: HKDF salt and info", (x_raw(ephemeral) + x_raw(recipient)).hex() == st["hkdfSalt"] and st["hkdfInfo"].encode() == HKDF_INFO)
    rep.check("envelope-v1: HKDF payload key", payload_key(shared, x_raw(ephemeral), x_raw(recipient)).hex() == st["payloadKey"])
    sealed = seal(st["plaintext"], st["aad"], x_raw(recipient), ephemeral, bytes.fromhex(i["nonce"]))
    rep.check("envelope-v1: AES-256-GCM ciphertext and tag", b64d(sealed["ciphertext"]).hex() == st["ciphertextHex"] + st["tagHex"] and sealed == env["encrypted"])
    rep.check("envelope-v1: key ids", key_id(x_raw(recipient)) == st["recipientKeyId"] and key_id(ed_raw(sender)) == st["senderKeyId"])
    rep.check("envelope-v1: signing text", signing_text(env["header"], env["encrypted"]) == st["signingText"])
    rep.check("envelope-v1: Ed25519 signature (deterministic) and verification", sign(sender, st["signingText"]) == env["signature"]["value"] and verify(ed_raw(sender), st["signingText"], env["signature"]["value"]))
    rep.check("envelope-v1: opens to the plaintext", open_sealed(env["encrypted"], st["aad"], [recipient]) == utf8(st["plaintext"]))

    c = load("consent-v1.json")
    for part in ("request", "answer"):
        ce = c[part]["envelope"]
        rep.check(f"consent-v1 {part}: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(ce["header"], ce["encrypted"]), ce["signature"]["value"]))
        rep.check(
            f"consent-v1 {part}: sealed with its nonce, opens to its payload",
            seal(jcs(c[part]["payload"]), jcs(ce["header"]), x_raw(recipient), ephemeral, bytes.fromhex(c[part]["nonce"])) == ce["encrypted"]
            and open_sealed(ce["encrypted"], jcs(ce["header"]), [recipient]) == utf8(jcs(c[part]["payload"])),
        )
        rep.check(f"consent-v1 {part}: type and conversation", ce["header"]["type"] == f"consent.{part}" and ce["header"]["conversationId"] == c[part]["payload"]["conversationId"])
    rep.check("consent-v1: the answer carries the question's exchangeId", c["request"]["payload"]["exchangeId"] == c["answer"]["payload"]["exchangeId"])

    c = load("cultural-v1.json")
    for part in ("published", "withdrawn"):
        ce = c[part]["envelope"]
        rep.check(f"cultural-v1 {part}: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(ce["header"], ce["encrypted"]), ce["signature"]["value"]))
        rep.check(
            f"cultural-v1 {part}: sealed with its nonce, opens to its payload",
            seal(jcs(c[part]["payload"]), jcs(ce["header"]), x_raw(recipient), ephemeral, bytes.fromhex(c[part]["nonce"])) == ce["encrypted"]
            and open_sealed(ce["encrypted"], jcs(ce["header"]), [recipient]) == utf8(jcs(c[part]["payload"])),
        )
        rep.check(
            f"cultural-v1 {part}: type, conversation cultural:<recipient>, marking CLEAR, state",
            ce["header"]["type"] == "cultural.record" and ce["header"]["conversationId"] == "cultural:" + ce["header"]["recipient"] and ce["header"]["marking"] == "CLEAR" and c[part]["payload"]["state"] == part,
        )
        rep.check(f"cultural-v1 {part}: the result names the record and version", c[part]["result"] == {"recordId": c[part]["payload"]["recordId"], "version": c[part]["payload"]["version"], "stored": True})
    rec = c["published"]["payload"]["record"]
    rep.check(
        "cultural-v1: the published record's photos carry 16-hex-digit hashes and a JPEG thumbnail",
        all(re.fullmatch(r"[0-9a-f]{16}", h) for img in rec["images"] for h in img["hashes"]) and all(base64.b64decode(img["thumbnail"], validate=True)[:3] == b"\xff\xd8\xff" for img in rec["images"]),
    )
    rep.check("cultural-v1: the withdrawal has no record and a later version", c["withdrawn"]["payload"]["record"] is None and c["withdrawn"]["payload"]["version"] > c["published"]["payload"]["version"])

    check_statistics_share_vector(rep, sender, recipient, ephemeral)
    check_transfer_vector(rep, sender, recipient, ephemeral)
    check_hits_vector(rep, sender, recipient, ephemeral)
    check_receipt_proof_vector(rep)

    r = load("receipt-v1.json")
    rsign = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(r["inputs"]["recipientSigningSeed"]))
    text = jcs({"purpose": "comity-receipt-v1", "receipt": r["inputs"]["receipt"]})
    rep.check("receipt-v1: signing text", text == r["signingText"])
    rep.check("receipt-v1: signature", sign(rsign, text) == r["signedReceipt"]["signature"]["value"] and r["signedReceipt"]["signature"]["keyId"] == key_id(ed_raw(rsign)))
    rep.check("receipt-v1: payloadSha256 is SHA-256 of the plaintext", r["inputs"]["receipt"]["payloadSha256"] == hashlib.sha256(utf8(st["plaintext"])).hexdigest())

    c = load("node-card-v1.json")
    card = c["signedCard"]["card"]
    csign = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(c["inputs"]["signingSeed"]))
    prev = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(c["inputs"]["previousSigningSeed"]))
    rep.check("node-card-v1: card signing text", jcs({"purpose": "comity-node-card-v1", "card": card}) == c["cardSigningText"])
    rep.check("node-card-v1: card signature by the card's own key", sign(csign, c["cardSigningText"]) == c["signedCard"]["signature"] and b64e(ed_raw(csign)) == card["keys"]["signing"]["publicKey"])
    etext = jcs({"purpose": "comity-node-card-rotation-v1", "card": card, "previousSigningKey": b64e(ed_raw(prev))})
    rep.check("node-card-v1: rotation endorsement by the previous key", etext == c["endorsementSigningText"] and sign(prev, etext) == c["signedCard"]["endorsement"]["signature"])
    rep.check("node-card-v1: fingerprint", fingerprint(ed_raw(csign)) == c["signingFingerprint"])

    f = load("declared-facts-v1.json")
    fsign = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(f["inputs"]["signingSeed"]))
    ftext = jcs({"purpose": "comity-declared-facts-v1", "facts": f["inputs"]["facts"]})
    rep.check("declared-facts-v1: signing text", ftext == f["signingText"])
    rep.check("declared-facts-v1: signature by the declaring node's key", sign(fsign, ftext) == f["payload"]["facts"]["signature"] and verify(ed_raw(fsign), ftext, f["payload"]["facts"]["signature"]))
    rep.check("declared-facts-v1: facts name the sender's own State", f["payload"]["facts"]["facts"]["state"] == f["inputs"]["facts"]["state"] and all(f["inputs"]["facts"]["state"] in t["parties"] for t in f["inputs"]["facts"]["treaties"]))

    peer = {"nodeId": i["header"]["sender"], "signingKey": ed_raw(sender)}
    now = parse_ms(i["header"]["createdAt"])
    for case in load("tampered-v1.json")["cases"]:
        got = _outcome(case["envelope"], i["header"]["recipient"], peer, now, 300_000, [recipient])
        rep.check(f"tampered-v1: {case['what']}", got == case["expect"], f"got {got}")
    rv = load("receive-v1.json")
    for case in rv["cases"]:
        got = _outcome(case["envelope"], rv["recipientNodeId"], peer, parse_ms(case["receiverNow"]), rv["windowMs"], [recipient], case.get("plaintext"))
        rep.check(f"receive-v1: {case['what']}", got == case["expect"], f"got {got}")

    ids = load("syntax/identifiers.json")
    for kind, check in VALIDATORS.items():
        wrong = [x for x in ids[kind]["valid"] if not check(x)] + [x for x in ids[kind]["invalid"] if check(x)]
        rep.check(f"syntax/identifiers.json: {kind}", not wrong, f"misjudged {wrong!r}")
    cj = load("syntax/canonical-json.json")
    for case in cj["valid"]:
        got = jcs(parse_ijson(case["input"]))
        rep.check(f"syntax/canonical-json.json: {case['what']}", got == case["canonical"], f"got {got!r}")
    for case in cj["invalid"]:
        try:
            jcs(parse_ijson(case["input"]))
            refused = False
        except (NotIJson, ValueError):
            refused = True
        rep.check(f"syntax/canonical-json.json refuses: {case['what']}", refused)

    table = {r["code"]: r["retryable"] for r in load("schemas/rejections.json")["reasons"]}
    rep.check("schemas/rejections.json agrees with the README table", table == {k: v[1] for k, v in REJECTIONS.items()}, f"{table}")
    missing = [t for t in MESSAGE_TYPES for kind in ("payload", "result") if not (HERE / "schemas" / f"{kind}.{t}.json").is_file()]
    rep.check("schemas/: a payload and a result schema for every message type", not missing, f"missing {missing}")


# ---- hits.* (section 8.3): suite curve25519-ell2-x25519-v1 ------------------------------------------
_P = 2**255 - 19
_A = 486662


def _expand_xmd(msg: bytes, dst: bytes, n: int) -> bytes:
    dst_prime = dst + bytes([len(dst)])
    b0 = hashlib.sha512(bytes(128) + msg + n.to_bytes(2, "big") + b"\x00" + dst_prime).digest()
    out, prev = b"", bytes(64)
    for i in range(1, math.ceil(n / 64) + 1):
        prev = hashlib.sha512(bytes(x ^ y for x, y in zip(b0, prev)) + bytes([i]) + dst_prime).digest() if i > 1 else hashlib.sha512(b0 + b"\x01" + dst_prime).digest()
        out += prev
    return out[:n]


def _is_square(x: int) -> bool:
    return x == 0 or pow(x, (_P - 1) // 2, _P) == 1


def _sqrt(x: int) -> int:
    r = pow(x, (_P + 3) // 8, _P)
    if r * r % _P != x % _P:
        r = r * pow(2, (_P - 1) // 4, _P) % _P
    return r


def _elligator2(u: int) -> tuple[int, int]:
    # RFC 9380 section 6.7.1 for curve25519 (Z = 2), affine: x1 = -A / (1 + 2u^2); x2 = -x1 - A.
    x1 = -_A * pow(1 + 2 * u * u, _P - 2, _P) % _P
    gx1 = (x1**3 + _A * x1 * x1 + x1) % _P
    if _is_square(gx1):
        x, y = x1, _sqrt(gx1)
        if y & 1:  # sgn0(y) = 0 for x1
            y = _P - y
    else:
        x = (-x1 - _A) % _P
        y = _sqrt((x**3 + _A * x * x + x) % _P)
        if not y & 1:  # sgn0(y) = 1 for x2
            y = _P - y
    return x, y


def hits_hash(identifier: str, dst: str) -> bytes:
    """hash_to_curve curve25519_XMD:SHA-512_ELL2_RO_ (RFC 9380), the u-coordinate little-endian."""
    uniform = _expand_xmd(identifier.encode("utf-8"), dst.encode("utf-8"), 96)
    (x0, y0), (x1, y1) = (_elligator2(int.from_bytes(uniform[i : i + 48], "big") % _P) for i in (0, 48))
    lam = (y1 - y0) * pow(x1 - x0, _P - 2, _P) % _P
    x = (lam * lam - _A - x0 - x1) % _P
    for _ in range(3):  # clear the cofactor: three doublings, x only
        x = pow(x * x - 1, 2, _P) * pow(4 * x * (x * x + _A * x + 1), _P - 2, _P) % _P
    return x.to_bytes(32, "little")


def hits_raise(element: str, scalar_hex: str) -> str:
    k = X25519PrivateKey.from_private_bytes(bytes.fromhex(scalar_hex))
    return b64e(k.exchange(X25519PublicKey.from_public_bytes(b64d(element, 32))))


def check_hits_vector(rep: "Report", sender, recipient, ephemeral) -> None:
    h = load("hits-v1.json")
    a, b = h["scalarA"], h["scalarB"]
    rep.check("hits-v1: hash to curve25519 (RFC 9380 ELL2_RO, RFC test vector for msg \"\")", hits_hash("", "QUUX-V01-CS02-with-curve25519_XMD:SHA-512_ELL2_RO_")[::-1].hex() == "2de3780abb67e861289f5749d16d3e217ffa722192d16bbd9d1bfb9d112b98c0")
    rep.check("hits-v1: H(x) of each identifier", [b64e(hits_hash(x, h["dst"])) for x in h["mine"]] == h["hashes"])
    rep.check("hits-v1: items = H(x)^a by X25519", [hits_raise(e, a) for e in h["hashes"]] == h["items"])
    rep.check("hits-v1: doubled = items^b", [hits_raise(e, b) for e in h["items"]] == h["doubled"])
    rep.check("hits-v1: offered = H(y)^b", [hits_raise(b64e(hits_hash(y, h["dst"])), b) for y in h["theirs"]] == h["offered"])
    raised = [hits_raise(e, a) for e in h["offered"]]
    rep.check("hits-v1: offered^a, and the intersection is exactly the shared identifier", raised == h["offeredRaisedToA"] and [(i, j) for i, d in enumerate(h["doubled"]) for j, o in enumerate(raised) if d == o] == [(h["match"]["item"], h["match"]["offered"])])
    q = h["query"]
    qe = q["envelope"]
    rep.check("hits-v1 query: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(qe["header"], qe["encrypted"]), qe["signature"]["value"]))
    rep.check(
        "hits-v1 query: sealed with its nonce, opens to its payload",
        seal(jcs(q["payload"]), jcs(qe["header"]), x_raw(recipient), ephemeral, bytes.fromhex(q["nonce"])) == qe["encrypted"] and open_sealed(qe["encrypted"], jcs(qe["header"]), [recipient]) == utf8(jcs(q["payload"])),
    )
    # A names query in pages: every page repeats epoch, pages and total; pages are full (20 000) but
    # the last, so page p of `pages` carries min(20 000, total - p * 20 000) encodings of 128 bytes
    # with 40 to 800 bits set.
    n = h["namesQuery"]
    ne, np_ = n["envelope"], n["payload"]
    rep.check("hits-v1 names page: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(ne["header"], ne["encrypted"]), ne["signature"]["value"]))
    rep.check(
        "hits-v1 names page: sealed with its nonce, opens to its payload",
        seal(jcs(np_), jcs(ne["header"]), x_raw(recipient), ephemeral, bytes.fromhex(n["nonce"])) == ne["encrypted"] and open_sealed(ne["encrypted"], jcs(ne["header"]), [recipient]) == utf8(jcs(np_)),
    )
    rep.check("hits-v1 names page: page < pages and the total fits the pages", 0 <= np_["page"] < np_["pages"] and (np_["pages"] - 1) * 20000 < np_["total"] <= np_["pages"] * 20000)
    rep.check("hits-v1 names page: as many encodings as the total gives this page", len(np_["encodings"]) == min(20000, np_["total"] - np_["page"] * 20000))
    bits = [bin(int.from_bytes(b64d(e, 128), "little")).count("1") for e in np_["encodings"]]
    rep.check("hits-v1 names page: 1024-bit encodings with 40 to 800 bits set", all(40 <= b <= 800 for b in bits))


def chunk_nonce(index: int) -> bytes:
    """Section 8.2: four zero bytes, then the chunk index as a 64-bit big-endian integer."""
    return b"\x00" * 4 + index.to_bytes(8, "big")



# ---- receipts with audit proofs (section 6; interop/audit-log/) ---------------------------------

def _node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 section 2.1.3.2."""
    if not (0 <= index < size):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = _node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn //= 2
                    sn //= 2
        else:
            r = _node_hash(r, p)
        fn //= 2
        sn //= 2
    return sn == 0 and r == root


def checkpoint_signed(note: str, name: str, public_raw: bytes) -> tuple[int, bytes] | None:
    """(size, root) of a C2SP checkpoint note carrying a valid Ed25519 signature by (name, key); else None."""
    split = note.find("\n\n")
    if split < 0 or not note.endswith("\n"):
        return None
    body = note[: split + 1]
    lines = body[:-1].split("\n")
    if len(lines) < 3 or lines[0] != name or not re.fullmatch(r"0|[1-9][0-9]{0,15}", lines[1]):
        return None
    root = base64.b64decode(lines[2], validate=True)
    key_hash = hashlib.sha256(name.encode() + b"\n\x01" + public_raw).digest()[:4]
    for line in note[split + 2 : -1].split("\n"):
        m = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        if not m or m.group(1) != name:
            continue
        raw = base64.b64decode(m.group(2), validate=True)
        if raw[:4] != key_hash or len(raw) != 68:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public_raw).verify(raw[4:], body.encode())
            return int(lines[1]), root
        except InvalidSignature:
            continue
    return None


def receipt_proof_problems(proof: dict, message_id: str, sender: str, payload_sha256: str, log_name: str, public_raw: bytes) -> list[str]:
    """The four checks of section 6, "Receipts with audit proofs"; empty when the proof holds."""
    problems = []
    entry = json.loads(proof["entryText"])
    if jcs(entry) != proof["entryText"]:
        problems.append("entry not canonical")
    if entry.get("seq") != proof["seq"] or entry.get("action") != "federation.message.receive" or entry.get("target") != f"message:{message_id}":
        problems.append("entry")
    if hashlib.sha256(jcs(proof["change"]).encode()).hexdigest() != entry.get("digest"):
        problems.append("digest")
    if proof["change"].get("sender") != sender or proof["change"].get("payloadSha256") != payload_sha256:
        problems.append("change")
    signed = checkpoint_signed(proof["checkpoint"], log_name, public_raw)
    if signed is None or signed[0] != proof["treeSize"]:
        problems.append("checkpoint")
        return problems
    leaf = hashlib.sha256(b"\x00" + proof["entryText"].encode()).digest()
    if not verify_inclusion(proof["leafIndex"], signed[0], leaf, [bytes.fromhex(p) for p in proof["path"]], signed[1]):
        problems.append("inclusion")
    return problems


def check_receipt_proof_vector(rep: Report) -> None:
    v = json.loads((HERE.parent / "audit-log" / "receipt-proof-v1.json").read_text("utf-8"))
    e = v["expect"]
    key = (e["messageId"], e["sender"], e["payloadSha256"], e["logKey"]["name"], bytes.fromhex(e["logKey"]["publicKey"]))
    got = receipt_proof_problems(v["valid"], *key)
    rep.check("audit-log/receipt-proof-v1.json: the valid proof holds", got == [], f"{got}")
    for t in v["tampered"]:
        got = receipt_proof_problems(t["proof"], *key)
        rep.check(f"audit-log/receipt-proof-v1.json: {t['what']} fails the {t['fails']} check", got == [t["fails"]], f"{got}")
    got = receipt_proof_problems(v["valid"], "another-message", *key[1:])
    rep.check("audit-log/receipt-proof-v1.json: the proof is not one for another message", got == ["entry"], f"{got}")


SHARE_TLP = ("CLEAR", "GREEN", "AMBER")
PERIOD_FORMS = {"month": re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$"), "quarter": re.compile(r"^[0-9]{4}-Q[1-4]$"), "year": re.compile(r"^[0-9]{4}$")}


def check_statistics_share_vector(rep: Report, sender: Ed25519PrivateKey, recipient: X25519PrivateKey, ephemeral: X25519PrivateKey) -> None:
    """Section 8.5: a statistics.share sealed and signed like envelope-v1, marked as the share is."""
    v = load("statistics-share-v1.json")
    env, p = v["envelope"], v["payload"]
    h = env["header"]
    rep.check("statistics-share-v1: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(h, env["encrypted"]), env["signature"]["value"]))
    rep.check(
        "statistics-share-v1: sealed with its nonce, opens to its payload",
        seal(jcs(p), jcs(h), x_raw(recipient), ephemeral, bytes.fromhex(v["nonce"])) == env["encrypted"] and open_sealed(env["encrypted"], jcs(h), [recipient]) == utf8(jcs(p)),
    )
    rep.check("statistics-share-v1: type, conversation statistics:<recipient>", h["type"] == "statistics.share" and h["conversationId"] == f"statistics:{h['recipient']}")
    rep.check("statistics-share-v1: the header's marking is the share's", h["marking"] == p["marking"]["tlp"] and p["marking"]["tlp"] in SHARE_TLP)
    form = PERIOD_FORMS[p["period"]]
    rep.check(
        "statistics-share-v1: counts only (period, country, source, ICCS code, count), each in the share's period form and sources",
        all(set(r) == {"period", "country", "source", "iccsCode", "count"} and form.match(r["period"]) and r["source"] in p["sources"] and isinstance(r["count"], int) and r["count"] >= 1 for r in p["rows"])
        and p["from"] <= p["to"],
    )


def check_transfer_vector(rep: Report, sender: Ed25519PrivateKey, recipient: X25519PrivateKey, ephemeral: X25519PrivateKey) -> None:
    t = load("transfer-v1.json")
    env, offer = t["envelope"], t["payload"]
    rep.check("transfer-v1 offer: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(env["header"], env["encrypted"]), env["signature"]["value"]))
    rep.check(
        "transfer-v1 offer: sealed with its nonce, opens to its payload",
        seal(jcs(offer), jcs(env["header"]), x_raw(recipient), ephemeral, bytes.fromhex(t["nonce"])) == env["encrypted"]
        and open_sealed(env["encrypted"], jcs(env["header"]), [recipient]) == utf8(jcs(offer)),
    )
    item, content = offer["item"], offer["content"]
    data = bytes(i % 251 for i in range(item["size"]))
    rep.check("transfer-v1 offer: item SHA-256 and SHA-512", hashlib.sha256(data).hexdigest() == item["sha256"] and hashlib.sha512(data).hexdigest() == item["sha512"])
    size, count = content["chunkSize"], content["chunkCount"]
    rep.check("transfer-v1 offer: chunk count", count == math.ceil(item["size"] / size) == len(content["chunkSha256"]) == len(t["chunks"]))
    key = b64d(content["key"], 32)
    for c in t["chunks"]:
        i = c["index"]
        plain = data[i * size:(i + 1) * size]
        rep.check(f"transfer-v1 chunk {i}: plaintext SHA-256 is the one signed in the offer", hashlib.sha256(plain).hexdigest() == content["chunkSha256"][i] == c["plaintextSha256"])
        aad = f"comity-transfer-chunk-v1|{offer['transferId']}|{i}|{count}"
        rep.check(f"transfer-v1 chunk {i}: nonce and AAD", chunk_nonce(i).hex() == c["nonceHex"] and aad == c["aad"])
        body = AESGCM(key).encrypt(chunk_nonce(i), plain, aad.encode())
        rep.check(f"transfer-v1 chunk {i}: AES-256-GCM body (ciphertext || tag)", hashlib.sha256(body).hexdigest() == c["bodySha256"] and len(body) == c["bodyLength"] and body[-16:].hex() == c["tagHex"])
        try:
            AESGCM(key).decrypt(chunk_nonce(i), body, f"comity-transfer-chunk-v1|{offer['transferId']}|{(i + 1) % count}|{count}".encode())
            misplaced = False
        except InvalidTag:
            misplaced = True
        rep.check(f"transfer-v1 chunk {i}: refused at another index", misplaced)
        req = c["request"]
        claims = {"purpose": "comity-transfer-request-v1", "method": "PUT", "sender": env["header"]["sender"], "recipient": env["header"]["recipient"],
                  "transferId": offer["transferId"], "index": i, "createdAt": req["headers"]["comity-created-at"]}
        rep.check(f"transfer-v1 chunk {i}: signed request", jcs(claims) == req["signingText"] and sign(sender, req["signingText"]) == req["headers"]["comity-signature"])
    a = t["answer"]
    ae, ap = a["envelope"], a["payload"]
    rep.check("transfer-v1 answer: signed by the sender of envelope-v1", verify(ed_raw(sender), signing_text(ae["header"], ae["encrypted"]), ae["signature"]["value"]))
    rep.check(
        "transfer-v1 answer: sealed with its nonce, opens to its payload",
        seal(jcs(ap), jcs(ae["header"]), x_raw(recipient), ephemeral, bytes.fromhex(a["nonce"])) == ae["encrypted"]
        and open_sealed(ae["encrypted"], jcs(ae["header"]), [recipient]) == utf8(jcs(ap)),
    )
    rep.check(
        "transfer-v1 answer: a request.status after the offer in its conversation",
        ae["header"]["type"] == "request.status" and ae["header"]["conversationId"] == env["header"]["conversationId"] == ap["conversationId"] and ae["header"]["sequence"] > env["header"]["sequence"],
    )
    rep.check(
        "transfer-v1 answer: names the offered item (transferId, sender's item id, SHA-256) and carries no attachment",
        ap["evidence"] == [{"transferId": offer["transferId"], "itemId": item["id"], "sha256": item["sha256"], "title": item["title"]}] and "attachments" not in ap and ap["action"] == offer["sentWith"],
    )


def _outcome(env, self_node, peer, now_ms, window_ms, keys, plaintext=None) -> str:
    try:
        got = receive(env, self_node=self_node, peer=peer, now_ms=now_ms, window_ms=window_ms, keys=keys)
    except Rejected as r:
        return r.reason
    if plaintext is not None and got != utf8(plaintext):
        return "accepted with another plaintext"
    return "accepted"


# ---- key file and card --------------------------------------------------------------------------

def load_keys(path: Path) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    if not path.exists():
        path.write_text(json.dumps({"signingSeed": os.urandom(32).hex(), "encryptionSeed": os.urandom(32).hex()}) + "\n")
        path.chmod(0o600)
    k = json.loads(path.read_text())
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(k["signingSeed"])), X25519PrivateKey.from_private_bytes(bytes.fromhex(k["encryptionSeed"]))


def signed_card(signing: Ed25519PrivateKey, encryption: X25519PrivateKey, endpoint: str, name: str, state: str, node_id: str | None = None) -> dict:
    now = int(time.time() * 1000)
    card = {
        "v": 1,
        "nodeId": node_id or node_id_for(ed_raw(signing)),
        "authority": {"name": name, "state": state, "kind": "central-authority"},
        "endpoint": endpoint,
        "keys": {"signing": {"alg": "Ed25519", "publicKey": b64e(ed_raw(signing))}, "encryption": {"alg": "X25519", "publicKey": b64e(x_raw(encryption))}},
        "accepts": {"requestTypes": ["mla"], "languages": ["en"]},
        "issuedAt": iso_ms(now),
        "validFrom": iso_ms(now - 60_000),
        "validUntil": iso_ms(now + 30 * 86_400_000),
    }
    return {"card": card, "signature": sign(signing, jcs({"purpose": "comity-node-card-v1", "card": card}))}


# ---- (b) against a running node -----------------------------------------------------------------

def http(method: str, url: str, body: bytes | None = None, content_type: str = "application/json"):
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type} if body is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return res.status, res.headers.get("Content-Type", ""), res.read(), res.headers
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read(), err.headers


class Live:
    def __init__(self, base: str, signing: Ed25519PrivateKey, encryption: X25519PrivateKey, rep: Report, with_sequence: bool):
        self.base = base.rstrip("/")
        self.signing, self.encryption, self.rep, self.with_sequence = signing, encryption, rep, with_sequence
        self.me = node_id_for(ed_raw(signing))
        self.sequences: dict[str, int] = {}

    def header(self, **over) -> dict:
        h = {
            "v": 1,
            "messageId": uuid7(),
            "sender": self.me,
            "recipient": self.node_id,
            "type": "message.note",
            "createdAt": iso_ms(int(time.time() * 1000)),
            "inReplyTo": None,
            "conversationId": "conformance-" + uuid7(),
            "marking": "GREEN",
        }
        h.update(over)
        if self.with_sequence and "sequence" not in h:
            # README §3 "sequence": 1, 2, 3 … per conversation and sender.
            h["sequence"] = self.sequences[h["conversationId"]] = self.sequences.get(h["conversationId"], 0) + 1
        return h

    def post(self, envelope, raw: bytes | None = None):
        body = raw if raw is not None else json.dumps(envelope).encode("utf-8")
        for _ in range(3):
            status, ctype, data, headers = http("POST", self.base + "/federation/v1/inbox", body)
            if status != 429:
                break
            # A sender honours Retry-After (seconds) and sends the same bytes again.
            wait = min(float(headers.get("Retry-After") or 1), 65.0)
            print(f"      429 from the inbox; waiting {wait:g} s as Retry-After says")
            time.sleep(wait)
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return status, ctype, parsed

    def expect_rejection(self, name: str, code: str, envelope=None, raw: bytes | None = None, pending: str | None = None) -> None:
        status, ctype, body = self.post(envelope, raw)
        want_status, retryable = REJECTIONS[code]
        ok = (
            status == want_status
            and ctype.startswith("application/problem+json")
            and isinstance(body, dict)
            and body.get("code") == code
            and body.get("status") == want_status
            and body.get("retryable") is retryable
        )
        got = f"got {status} {body.get('code') if isinstance(body, dict) else body!r} retryable={body.get('retryable') if isinstance(body, dict) else None}"
        self.rep.check(f"live: {name} → {want_status} {code} (retryable {str(retryable).lower()})", ok, got, pending)

    def check_receipt(self, name: str, envelope: dict, plaintext: str, status: int, body, duplicate: bool, pending: str | None = None) -> dict | None:
        problems = []
        if status != 202 or not isinstance(body, dict):
            self.rep.check(name, False, f"got {status} {body!r}", pending)
            return None
        if body.get("duplicate") is not duplicate:
            problems.append(f"duplicate={body.get('duplicate')}")
        signed = body.get("receipt") or {}
        r, sig = signed.get("receipt") or {}, signed.get("signature") or {}
        h = envelope["header"]
        expected = {"v": 1, "type": "receipt", "messageId": h["messageId"], "conversationId": h["conversationId"], "sender": h["sender"], "recipient": h["recipient"], "outcome": "accepted"}
        problems += [f"{k}={r.get(k)!r}" for k, v in expected.items() if r.get(k) != v]
        if r.get("payloadSha256") != hashlib.sha256(utf8(plaintext)).hexdigest():
            problems.append("payloadSha256")
        if not isinstance(r.get("result"), dict) or not valid_created_at(r.get("receivedAt")):
            problems.append("result/receivedAt")
        if sig.get("keyId") != key_id(self.node_signing) or not verify(self.node_signing, jcs({"purpose": "comity-receipt-v1", "receipt": r}), sig.get("value", "")):
            problems.append("receipt signature")
        self.rep.check(name, not problems, ", ".join(problems), pending)
        return signed

    def run(self, window_s: float) -> None:
        rep = self.rep
        status, ctype, data, _ = http("GET", self.base + "/federation/v1/card")
        card = json.loads(data)
        c = card["card"]
        self.node_id = c["nodeId"]
        self.node_signing = b64d(c["keys"]["signing"]["publicKey"], 32)
        self.node_encryption = b64d(c["keys"]["encryption"]["publicKey"], 32)
        rep.check("live: GET /federation/v1/card → 200 application/json", status == 200 and ctype.startswith("application/json"))
        rep.check("live: the card is signed by its own signing key", verify(self.node_signing, jcs({"purpose": "comity-node-card-v1", "card": c}), card["signature"]))
        rep.check("live: the node id is node- + 20 hex digits of SHA-256(signing key)", self.node_id == node_id_for(self.node_signing), self.node_id)
        rep.check("live: the card's times carry milliseconds in UTC", all(valid_created_at(c[k]) for k in ("issuedAt", "validFrom", "validUntil")))

        # A valid note, its replay, and a retry re-sealed with a fresh createdAt and the same id.
        payload = {"text": "Conformance check — 司法协助 — \U0001F600"}
        first = build_envelope(self.signing, self.header(), payload, self.node_encryption)
        status, _, body = self.post(first)
        receipt = self.check_receipt("live: a valid message.note → 202 with a signed receipt, duplicate false", first, jcs(payload), status, body, False)
        status, _, body = self.post(first)
        again = self.check_receipt("live: the identical envelope again → 202, the original receipt, duplicate true", first, jcs(payload), status, body, True)
        rep.check("live: the replay's receipt is byte for byte the original", receipt is not None and again == receipt)
        time.sleep(0.005)
        retry = build_envelope(self.signing, dict(first["header"], createdAt=iso_ms(int(time.time() * 1000))), payload, self.node_encryption)
        status, _, body = self.post(retry)
        self.check_receipt("live: a retry re-sealed with a fresh createdAt, same message id → 202 duplicate true", retry, jcs(payload), status, body, True)
        self.rejections(payload, first)

        if window_s <= 30:
            # The stored envelope once its createdAt has left the window: a duplicate, not stale.
            time.sleep(window_s + 1.5)
            status, _, body = self.post(first)
            self.check_receipt(
                f"live: the identical envelope again after the {window_s:g} s window → 202 duplicate true (not message_stale)",
                first, jcs(payload), status, body, True,
            )
        else:
            print(f"skip  live: duplicate after the window (the node's window is {window_s:g} s; pass --window ≤ 30 to a node started with a short window)")

    def rejections(self, payload, first) -> None:
        enc = self.node_encryption
        note = lambda **over: build_envelope(self.signing, self.header(**over), payload, enc)  # noqa: E731

        def resign(env, header=None, encrypted=None, lax=False):
            h, e = header or env["header"], encrypted or env["encrypted"]
            return {"header": h, "encrypted": e, "signature": {"alg": "Ed25519", "keyId": key_id(ed_raw(self.signing)), "value": sign(self.signing, signing_text(h, e, lax))}}

        # envelope_malformed: the parse step.
        self.expect_rejection("body that is not JSON", "envelope_malformed", raw=b"{not json")
        self.expect_rejection("JSON that is not an envelope", "envelope_malformed", {"hello": "world"})
        good = note()
        self.expect_rejection("an extra header key", "envelope_malformed", resign(good, dict(good["header"], priority="high")))
        self.expect_rejection("createdAt without milliseconds", "envelope_malformed", resign(good, dict(good["header"], createdAt=good["header"]["createdAt"][:19] + "Z")))
        self.expect_rejection("messageId in upper case", "envelope_malformed", resign(good, dict(good["header"], messageId=good["header"]["messageId"].upper())))
        self.expect_rejection("a UUIDv4 messageId", "envelope_malformed", resign(good, dict(good["header"], messageId=good["header"]["messageId"][:14] + "4" + good["header"]["messageId"][15:])))
        self.expect_rejection("a marking outside TLP 2.0", "envelope_malformed", resign(good, dict(good["header"], marking="WHITE")))
        self.expect_rejection("inReplyTo that is not a UUIDv7", "envelope_malformed", resign(good, dict(good["header"], inReplyTo="REQ-1")))
        self.expect_rejection("v = 2", "envelope_malformed", resign(good, dict(good["header"], v=2)))
        padded = dict(good, signature=dict(good["signature"], value=good["signature"]["value"] + "=="))
        self.expect_rejection("a padded signature", "envelope_malformed", padded)
        # Only a value that holds "-" or "_" has a standard-base64 spelling that differs (about 1 in 15
        # signatures has neither; the case would then re-send the valid envelope itself).
        if re.search(r"[-_]", good["signature"]["value"]):
            self.expect_rejection("a signature in standard base64 (+ and /)", "envelope_malformed",
                                  dict(good, signature=dict(good["signature"], value=good["signature"]["value"].replace("-", "+").replace("_", "/"))))
        else:
            print("skip  live: a signature in standard base64 — this signature has no - or _ to respell")
        epk = good["encrypted"]["epk"]
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        noncanon = epk[:-1] + alphabet[alphabet.index(epk[-1]) | 1]
        self.expect_rejection("an epk in non-canonical base64url (same bytes), validly signed", "envelope_malformed",
                              resign(good, encrypted=dict(good["encrypted"], epk=noncanon)))
        self.expect_rejection("a lone surrogate in conversationId, validly signed", "envelope_malformed",
                              resign(good, dict(good["header"], conversationId="conformance-\ud800"), lax=True))

        # The checks after parsing, in order.
        self.expect_rejection("addressed to another node", "wrong_recipient", note(recipient="node-0000000000000000dead"))
        stranger = Ed25519PrivateKey.generate()
        h = self.header(sender=node_id_for(ed_raw(stranger)))
        self.expect_rejection("from a node that is not a peer", "unknown_sender", build_envelope(stranger, h, payload, enc))
        forged = note()
        forged["signature"]["value"] = sign(stranger, signing_text(forged["header"], forged["encrypted"]))
        self.expect_rejection("signed by another key under this peer's key id", "bad_signature", forged)
        wrong_kid = note()
        wrong_kid["signature"]["keyId"] = key_id(ed_raw(stranger))
        self.expect_rejection("naming another key id", "bad_signature", wrong_kid)
        tampered = note()
        tampered["header"] = dict(tampered["header"], marking="RED")
        self.expect_rejection("a header changed after signing", "bad_signature", tampered)
        now = int(time.time() * 1000)
        self.expect_rejection("createdAt an hour ago", "message_stale", note(createdAt=iso_ms(now - 3_600_000)))
        self.expect_rejection("createdAt an hour ahead", "message_stale", note(createdAt=iso_ms(now + 3_600_000)))
        self.expect_rejection("a type the node does not handle", "unsupported_type", note(type="x.unknown-type"))
        bad_ct = note()
        raw_ct = bytearray(b64d(bad_ct["encrypted"]["ciphertext"]))
        raw_ct[0] ^= 1
        self.expect_rejection("a ciphertext changed before signing", "decryption_failed", resign(bad_ct, encrypted=dict(bad_ct["encrypted"], ciphertext=b64e(bytes(raw_ct)))))
        aad = note()
        self.expect_rejection("AAD mismatch (sealed under another header)", "decryption_failed", resign(aad, dict(aad["header"], messageId=uuid7())))
        unknown_key = note()
        self.expect_rejection("sealed to an encryption key the node does not hold", "decryption_failed",
                              resign(unknown_key, encrypted=dict(unknown_key["encrypted"], recipientKey=key_id(os.urandom(32)))))
        for label, point in [("u = 0", bytes(32)), ("u = 1", b"\x01" + bytes(31)), ("a point of order 8", bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"))]:
            low = note()
            self.expect_rejection(f"a low-order ephemeral key ({label})", "decryption_failed", resign(low, encrypted=dict(low["encrypted"], epk=b64e(point))))
        self.expect_rejection("a note with empty text", "payload_invalid", build_envelope(self.signing, self.header(), {"text": ""}, enc))
        self.expect_rejection("a note with a key its schema does not have", "payload_invalid", build_envelope(self.signing, self.header(), {"text": "x", "colour": "red"}, enc))
        other_card = signed_card(self.signing, self.encryption, "http://127.0.0.1:9", "Someone else", "FRA", node_id="node-ffffffffffffffffffff")
        self.expect_rejection("a node.card announcing another node", "payload_rejected", build_envelope(self.signing, self.header(type="node.card"), {"card": other_card}, enc))
        # hits.query (§8.3, suite curve25519-ell2-x25519-v1): each item is a canonical curve25519
        # u-coordinate of an element that is not of small order; a small-order element, a
        # non-canonical field element and a plain identifier refuse the whole message.
        def hits_query(qid, items):
            return {"queryId": qid, "kind": "identifiers", "suite": "curve25519-ell2-x25519-v1", "page": 0, "pages": 1, "total": len(items), "items": items}
        for label, item in [("a small-order element (u = 0)", b64e(bytes(32))), ("a non-canonical encoding", b64e(b"\xff" * 32))]:
            qid = str(uuid.uuid4())
            self.expect_rejection(f"a hits.query carrying {label}", "payload_rejected",
                                  build_envelope(self.signing, self.header(type="hits.query", conversationId="hits:" + qid), hits_query(qid, [item]), enc))
        # A names query page whose size disagrees with its total and pages refuses the message.
        qid = str(uuid.uuid4())
        self.expect_rejection("a hits.query names page whose total does not fit its pages", "payload_rejected",
                              build_envelope(self.signing, self.header(type="hits.query", conversationId="hits:" + qid),
                                             {"queryId": qid, "kind": "names", "epoch": time.strftime("%Y-%m", time.gmtime()), "page": 0, "pages": 1, "total": 20001, "encodings": ["A" * 171]}, enc))
        qid = str(uuid.uuid4())
        self.expect_rejection("a hits.query carrying an identifier in clear", "payload_invalid",
                              build_envelope(self.signing, self.header(type="hits.query", conversationId="hits:" + qid), hits_query(qid, ["iban:DE89370400440532013000"]), enc))
        if self.with_sequence:
            self.expect_rejection("sequence 0", "envelope_malformed", note(sequence=0))
            self.expect_rejection("sequence as a string", "envelope_malformed", note(sequence="1"))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vectors", action="store_true", help="verify the vectors and hand-written cases in this folder")
    ap.add_argument("--keys", type=Path, help="this checker's key file (created when missing)")
    ap.add_argument("--print-card", action="store_true", help="print this checker's signed node card")
    ap.add_argument("--endpoint", default="http://127.0.0.1:9", help="endpoint the printed card names")
    ap.add_argument("--name", default="Conformance checker")
    ap.add_argument("--state", default="NLD")
    ap.add_argument("--node", help="base URL of a running node that trusts this checker's card")
    ap.add_argument("--window", type=float, default=300, help="the node's freshness window in seconds (≤ 30 also runs the duplicate-after-window case)")
    ap.add_argument("--with-sequence", action="store_true", help="add the per-conversation `sequence` header field")
    args = ap.parse_args(argv)
    if not (args.vectors or args.print_card or args.node):
        ap.error("give --vectors, --print-card or --node")
    if args.print_card:
        if not args.keys:
            ap.error("--print-card needs --keys")
        s, e = load_keys(args.keys)
        print(json.dumps(signed_card(s, e, args.endpoint, args.name, args.state)))
        return 0
    rep = Report()
    if args.vectors:
        check_vectors(rep)
    if args.node:
        if not args.keys:
            ap.error("--node needs --keys")
        s, e = load_keys(args.keys)
        Live(args.node, s, e, rep, args.with_sequence).run(args.window)
    return rep.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
