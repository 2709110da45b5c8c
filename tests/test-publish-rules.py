#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/publish-rules with keys made here: a release key (minisign -G -W)
# listed in a keys.json signed by the test build's root 1, and the
# test-roots retract-cli as the app's loader and verifier. A release is
# "ready to upload" only when the app accepts it; a key the list does not
# name is caught before that.

import base64
import datetime
import json
import os
import subprocess
import sys
import tempfile

source_root = os.environ["RETRACT_SOURCE_ROOT"]
build_dir = os.environ["G_TEST_BUILDDIR"]
cli = os.environ["RETRACT_CLI"]
script = os.path.join(source_root, "build-aux", "publish-rules")
bundled = os.path.join(source_root, "data", "rules", "rules.json")
BEIJING = datetime.timezone(datetime.timedelta(hours=8))
failures = 0


def check(condition, what):
    global failures
    # One TAP line: what the script printed is kept, its line breaks are not.
    print(("ok - " if condition else "not ok - ") + " / ".join(what.strip().splitlines()))
    if not condition:
        failures += 1


def new_key(folder, name):
    public, secret = os.path.join(folder, name + ".pub"), os.path.join(folder, name + ".key")
    subprocess.run(["minisign", "-G", "-W", "-f", "-p", public, "-s", secret], check=True,
                   stdout=subprocess.DEVNULL)
    line = open(public, encoding="ascii").read().split("\n")[1].strip()
    # The key id from the key itself, 16 digits: minisign's own comment drops
    # leading zeros (one key in 16 has one).
    key_id = base64.b64decode(line)[2:10][::-1].hex().upper()
    return secret, key_id, line


def publish(folder, secret, out):
    return subprocess.run([sys.executable, script, "--secret-key", secret, "--rules", bundled,
                           "--keys", folder, "--out", out, "--cli", cli],
                          capture_output=True, text=True)


print("1..6")
with tempfile.TemporaryDirectory() as folder:
    secret, key_id, key_line = new_key(folder, "release")
    now = datetime.datetime.now(BEIJING).replace(microsecond=0)
    keys = {
        "kind": "io.github.retractapp.Retract/keys", "version": 1,
        "issued": (now - datetime.timedelta(days=1)).isoformat(),
        "expires": (now + datetime.timedelta(days=365)).isoformat(),
        "keys": [{"id": key_id, "public_key": key_line, "purpose": "rules"}], "revoked": [],
    }
    keys_path = os.path.join(folder, "keys.json")
    with open(keys_path, "w", encoding="utf-8") as target:
        json.dump(keys, target, indent=2)
    subprocess.run(["minisign", "-S", "-s", os.path.join(build_dir, "test-root-1.key"),
                    "-m", keys_path, "-t", "io.github.retractapp.Retract/keys"], check=True,
                   stdout=subprocess.DEVNULL)

    out = os.path.join(folder, "out")
    result = publish(folder, secret, out)
    check(result.returncode == 0 and "ready to upload" in result.stdout,
          "a listed release key publishes: " + result.stdout + result.stderr)
    meta = json.load(open(os.path.join(out, "rules.json"), encoding="utf-8"))["meta"]
    old = json.load(open(bundled, encoding="utf-8"))["meta"]
    check(meta["version"] != old["version"], "the version is bumped to " + meta["version"])
    issued = datetime.datetime.fromisoformat(meta["issued"])
    expires = datetime.datetime.fromisoformat(meta["expires"])
    check(expires - issued == datetime.timedelta(days=90) and meta["issued"].endswith("+08:00"),
          "issued and expires 90 days apart, in Beijing time")
    check(all(os.path.exists(os.path.join(out, name)) for name in
              ("rules.json", "rules.json.minisig", "keys.json", "keys.json.minisig")),
          "the four files are ready")

    # A key the list does not name: minisign signs, the app refuses.
    stranger, _, _ = new_key(folder, "stranger")
    result = publish(folder, stranger, os.path.join(folder, "refused"))
    check(result.returncode != 0 and "ready to upload" not in result.stdout and
          "unknown-key" in result.stderr, "an unlisted key is refused: " + result.stderr)

    # Rules the loader refuses are never signed.
    broken = os.path.join(folder, "broken.json")
    with open(broken, "w", encoding="utf-8") as target:
        target.write(open(bundled, encoding="utf-8").read().replace('"schema": 1', '"schema": 2'))
    result = subprocess.run([sys.executable, script, "--secret-key", secret, "--rules", broken,
                             "--keys", folder, "--out", os.path.join(folder, "broken"),
                             "--cli", cli], capture_output=True, text=True)
    check(result.returncode != 0 and
          not os.path.exists(os.path.join(folder, "broken", "rules.json.minisig")),
          "invalid rules are not signed: " + result.stderr)

sys.exit(1 if failures else 0)
