# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The project version (meson.build's, the one place it is written) where
other files need it: the Python package's version module (pyproject.toml
reads it), and the check that debian/changelog's newest entry agrees."""
import os
import re

from .model import TOP


def python_version_module(version):
    return ('# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)\n'
            '# Generated from meson.build by tools/api.py: do not edit.\n'
            '"""The version of libmapops this binding belongs to."""\n'
            '__version__ = "%s"\n' % version)


def changelog_errors(version):
    path = os.path.join(TOP, "debian", "changelog")
    first = open(path).readline()
    m = re.match(r"^\S+ \(([^)]+)\)", first)
    if not m:
        return ["debian/changelog: cannot read the version of its first line"]
    if m.group(1) != version:
        return ["debian/changelog's newest entry is %s, meson.build says %s: add an "
                "entry (HACKING.md, cutting a release)" % (m.group(1), version)]
    return []
