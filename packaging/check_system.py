"""Check that this machine can show Sidelight's window, and say what to install if not.

Qt's wheels bring Qt itself but rely on a few system libraries (OpenGL/EGL, xkbcommon, fontconfig,
and for a real X window the xcb helpers). A bare Debian may lack them; rather than a cryptic
"could not load the Qt platform plugin", we name the Debian packages to install.
"""

from __future__ import annotations

import os
import subprocess
import sys

DEBIAN_PACKAGES = {
    "offscreen": ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3"],
    "xcb": ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"],
    "fonts": ["fonts-noto-cjk"],
}

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("ok")
label.show()
app.processEvents()
"""


def main() -> int:
    offscreen_only = "--offscreen" in sys.argv
    env = dict(os.environ)
    if offscreen_only or not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        wanted = DEBIAN_PACKAGES["offscreen"] + ([] if offscreen_only else DEBIAN_PACKAGES["xcb"])
        print("Qt could not open a window on this machine:", file=sys.stderr)
        print("  " + (result.stderr.strip().splitlines() or ["(no message)"])[-1], file=sys.stderr)
        print("Install the system libraries Qt needs, then retry:", file=sys.stderr)
        print(f"  sudo apt-get install -y {' '.join(wanted)}", file=sys.stderr)
        return 1
    if not _has_cjk_font():
        print("note: no CJK font found; Chinese text will show as boxes. "
              f"Install one with: sudo apt-get install -y {' '.join(DEBIAN_PACKAGES['fonts'])}", file=sys.stderr)
    if not offscreen_only and env.get("QT_QPA_PLATFORM") == "offscreen":
        print("note: no display found (DISPLAY is not set); the window cannot be shown here.", file=sys.stderr)
    return 0


def _has_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return True  # cannot tell; do not nag
    return bool(out.strip())


if __name__ == "__main__":
    raise SystemExit(main())
