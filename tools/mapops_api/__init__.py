# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The API description (lib/mapops.api) and what is generated from it.

model.py reads the description; each other module generates or checks one
kind of file.  tools/api.py is the command line.
"""
