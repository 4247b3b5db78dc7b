# SPDX-License-Identifier: GPL-2.0
# Sphinx configuration of the kit's documentation. scripts/check-docs
# builds it from a source directory it assembles under out/: docs/*.rst,
# this file, and checklist/README.rst as checklist.rst.

project = 'IFF_TX_SKB_NO_LINEAR driver-enablement kit'
copyright = 'the kit authors, GPL-2.0'

root_doc = 'index'
source_suffix = {'.rst': 'restructuredtext'}
exclude_patterns = ['_build']

# Plain reStructuredText: no kernel-doc or other kernel Sphinx extensions,
# so the pages build with Debian's python3-sphinx alone.
extensions = []

# As in the kernel's Documentation/: literal blocks (``::``) are not
# highlighted; ``.. code-block:: c`` asks for it.
highlight_language = 'none'
pygments_style = 'sphinx'

html_theme = 'classic'
html_title = project
html_show_sourcelink = False
html_copy_source = False
