#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the running Retract through AT-SPI, as a screen reader would.

Walks every window of the app, counts the controls (push buttons, toggles,
entries, list items, check boxes, ...) and lists those whose name is empty,
carries a mnemonic underscore, is doubled ("X X") or is a GType name
("GtkImage"). With --drive it also opens the Log Action dialog and its
"What happened" list, and deletes the selected case to show the Undo toast,
walking each state.

Run it on a session bus with the accessibility bus up and the app started
with GTK_A11Y=atspi, e.g. (Debian's /usr/bin/python3 has gi and Atspi):

  xvfb-run -a dbus-run-session -- sh -c '
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    GTK_A11Y=atspi _build/src/ui/retract & sleep 3
    /usr/bin/python3 build-aux/atspi-walk.py --drive'

Exits 1 when a control is badly named.
"""

import argparse
import re
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

R = Atspi.Role
CONTROLS = {
    R.PUSH_BUTTON: "push button",
    R.TOGGLE_BUTTON: "toggle button",
    R.CHECK_BOX: "check box",
    R.RADIO_BUTTON: "radio button",
    R.ENTRY: "entry",
    R.PASSWORD_TEXT: "entry",
    R.SPIN_BUTTON: "spin button",
    R.COMBO_BOX: "combo box",
    R.LIST_ITEM: "list item",
    R.MENU_ITEM: "menu item",
    R.CHECK_MENU_ITEM: "menu item",
    R.RADIO_MENU_ITEM: "menu item",
    R.SLIDER: "slider",
    R.LINK: "link",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Retract)[A-Z]\w*$")


def problem(name):
    """What is wrong with @name, or None."""
    if not name:
        return "unnamed"
    if TYPE_NAME.match(name):
        return "type name"
    if "_" in name:
        return "underscore"
    words = name.split(" ")
    if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
        return "doubled"
    return None


def showing(node):
    # GTK 4.8 gives SHOWING to windows only; VISIBLE it gives to every
    # widget that is set visible, even on a stack page not shown.
    try:
        return node.get_state_set().contains(Atspi.StateType.VISIBLE)
    except gi.repository.GLib.Error:
        return False


def walk(node, found, depth=0):
    if depth > 80:
        return
    try:
        role = node.get_role()
        name = node.get_name() or ""
        n = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    if role in CONTROLS and showing(node):
        found.append((CONTROLS[role], name))
    for i in range(n):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, found, depth + 1)


def find_app(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and (app.get_name() or "").lower() == name:
            return app
    return None


def report(state, app, totals):
    found = []
    walk(app, found)
    counts = {}
    bad = []
    for kind, name in found:
        counts[kind] = counts.get(kind, 0) + 1
        what = problem(name)
        if what is not None:
            bad.append((what, kind, name))
    print(f"== {state}: {len(found)} controls "
          + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    for what, kind, name in bad:
        print(f"   {what}: {kind} {name!r}")
    totals["controls"] += len(found)
    for what, _, _ in bad:
        totals[what] = totals.get(what, 0) + 1


def find(app, role, text):
    """The first showing control of @role whose name, without underscores,
    contains @text."""
    stack = [app]
    while stack:
        node = stack.pop(0)
        try:
            if (node.get_role() == role and showing(node)
                    and text in (node.get_name() or "").replace("_", "")):
                return node
            stack.extend(c for c in (node.get_child_at_index(i)
                                     for i in range(node.get_child_count()))
                         if c is not None)
        except gi.repository.GLib.Error:
            pass
    return None


def press(app, role, text):
    """Does @text's first action; GTK 4.8 has actions on buttons only, so
    anything else is clicked with xdotool."""
    node = find(app, role, text)
    if node is None:
        print(f"   (no {text!r} to press)")
        return False
    try:
        node.do_action(0)
    except gi.repository.GLib.Error:
        box = node.get_extents(Atspi.CoordType.SCREEN)
        subprocess.run(["xdotool", "mousemove", str(box.x + box.width // 2),
                        str(box.y + box.height // 2), "click", "1"], check=True)
    time.sleep(1.0)
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="retract")
    parser.add_argument("--drive", action="store_true",
                        help="also walk the Log Action dialog and the Undo toast")
    args = parser.parse_args()

    app = None
    for _ in range(50):
        app = find_app(args.app)
        if app is not None:
            break
        time.sleep(0.2)
    if app is None:
        sys.exit(f"{args.app} is not on the accessibility bus")

    totals = {"controls": 0}
    report("window", app, totals)
    if args.drive:
        if press(app, R.PUSH_BUTTON, "Log Action"):
            report("log dialog", app, totals)
            if press(app, R.COMBO_BOX, "What happened"):
                report("what happened list", app, totals)
                subprocess.run(["xdotool", "key", "Escape"], check=True)
                time.sleep(0.5)
            press(app, R.PUSH_BUTTON, "Cancel")
        if press(app, R.PUSH_BUTTON, "Delete"):
            report("undo toast", app, totals)
            press(app, R.PUSH_BUTTON, "Undo")
    print("totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    sys.exit(1 if len(totals) > 1 else 0)


if __name__ == "__main__":
    main()
