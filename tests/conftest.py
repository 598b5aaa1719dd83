import os
import sys
from pathlib import Path

# Before any QApplication exists: render offscreen, with no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
sys.path.insert(0, str(Path(__file__).parent))
