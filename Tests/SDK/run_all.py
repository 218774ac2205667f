"""Runs every Tests/SDK/test_*.py with unittest and prints one closing line: 'N passed, N failed'."""
import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
failed = len(result.failures) + len(result.errors)
passed = result.testsRun - failed - len(result.skipped)
print("sdk: %d passed, %d failed, %d skipped" % (passed, failed, len(result.skipped)))
sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
