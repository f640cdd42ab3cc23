"""Shared by the conformance scripts: arguments and assertions. Usage: script.py CASE PORT STUBS_DIR TOKEN [EXTRA...]."""
import sys

CASE = sys.argv[1]
PORT = int(sys.argv[2])
STUBS = sys.argv[3]
TOKEN = sys.argv[4]
EXTRA = sys.argv[5:]
TARGET = f"127.0.0.1:{PORT}"
NETWORK = "partnerskap-mot-mobbing"
NETWORK_SERVICE = "networkplatform.membership.v1.NetworkService"
sys.path.insert(0, STUBS)


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def run(cases):
    if CASE not in cases:
        raise SystemExit(f"unknown case {CASE}; known: {', '.join(sorted(cases))}")
    cases[CASE]()
    print(f"{CASE}: ok")
