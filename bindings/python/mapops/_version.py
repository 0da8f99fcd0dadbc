# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
# Generated from meson.build by tools/api.py: do not edit.
"""The version of libmapops this binding belongs to."""
__version__ = "1.1.0"
