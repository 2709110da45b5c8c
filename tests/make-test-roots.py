#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the root keys of the test builds at build time, with minisign
# (-W: no password): test-root-N.pub and test-root-N.key, and
# test-trust-roots.h, the list retract-trust.c compiles into the test-only
# binaries (-DRETRACT_TRUST_TEST_ROOTS) in place of data/keys/root-*.pub. The
# shipped binaries never see these keys; the tests sign key lists with them.

import os
import subprocess
import sys

minisign, outdir = sys.argv[1], sys.argv[2]
lines = []
for n in (1, 2):
    pub = os.path.join(outdir, "test-root-%d.pub" % n)
    key = os.path.join(outdir, "test-root-%d.key" % n)
    subprocess.run([minisign, "-G", "-W", "-f", "-p", pub, "-s", key], check=True,
                   stdout=subprocess.DEVNULL)
    lines.append(open(pub, encoding="ascii").read().split("\n")[1].strip())

with open(os.path.join(outdir, "test-trust-roots.h"), "w", encoding="ascii") as header:
    header.write("/* Made by tests/make-test-roots.py: the test builds' roots. */\n")
    header.write("#define RETRACT_TRUST_ROOT_KEYS %s\n" % ", ".join('"%s"' % l for l in lines))
