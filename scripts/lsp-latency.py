#!/usr/bin/env python3
"""Time vault lsp from a textDocument/didChange to its publishDiagnostics.

usage: scripts/lsp-latency.py [VAULT_BINARY] [PROJECT] [FILE] [EDITS]
  defaults: .build/release/vault, the current directory, the first alliance
  period file of the project, 50 edits.
Each edit replaces the whole document (alternately with and without a
trailing comment) and waits for the diagnostics of its version; the median,
the 90th percentile and the server's resident memory at the end are printed.
"""
import glob, json, os, statistics, subprocess, sys, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/vault"
root = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else ".")
path = sys.argv[3] if len(sys.argv) > 3 else sorted(
    p for p in glob.glob(os.path.join(root, "vault/alliances/*/*.txt")) if not p.endswith("/alliance.txt"))[0]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 50

server = subprocess.Popen([os.path.realpath(binary), "lsp"], cwd=root,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

def send(message):
    message["jsonrpc"] = "2.0"
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = server.stdout.read(1)
        if not byte:
            sys.exit("vault lsp ended")
        header += byte
    length = next(int(line.split(b":")[1]) for line in header.split(b"\r\n") if line.lower().startswith(b"content-length:"))
    return json.loads(server.stdout.read(length))

def diagnostics(version):
    while True:
        message = receive()
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
            return

send({"id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": {}}})
receive()
send({"method": "initialized", "params": {}})
uri = "file://" + os.path.realpath(path)
text = open(path, encoding="utf-8").read()
send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "vault", "version": 0, "text": text}}})
diagnostics(0)
times = []
for version in range(1, edits + 1):
    changed = text + ("# edit\n" if version % 2 else "")
    start = time.perf_counter()
    send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
    diagnostics(version)
    times.append((time.perf_counter() - start) * 1000)
rss = next(line.split()[1] for line in open("/proc/%d/status" % server.pid) if line.startswith("VmRSS:"))
send({"id": 2, "method": "shutdown"})
receive()
send({"method": "exit"})
server.wait()
times.sort()
print("%s: %d edits, didChange to publishDiagnostics median %.1f ms, p90 %.1f ms; resident %s KiB"
      % (os.path.relpath(path, root), edits, statistics.median(times), times[int(len(times) * 0.9) - 1], rss))
