#!/bin/sh
# style.sh -- functions HACKING bans stay out of the tree, and every public
# function of include/transcue.h says since when (@since in the comment of
# its group: the lines around it up to a blank one).
: "${top_srcdir:=.}"
nosince=$(awk '
    /^$/ { if (api != "" && !since) printf "%s", api; api = ""; since = 0
           next }
    /@since/ { since = 1 }
    /^TC_API/ { api = api FNR ": " $0 "\n" }
    END { if (api != "" && !since) printf "%s", api }
    ' "$top_srcdir/include/transcue.h")
if [ -n "$nosince" ]; then
    echo "public functions without @since:"
    echo "$nosince"
    echo "style: 0 passed, 1 failed"
    exit 1
fi
hits=$(grep -nE '\<(sscanf|strcpy|strcat|sprintf|strtok|atoi|gets)[ ]*\(' \
    "$top_srcdir"/src/*.c "$top_srcdir"/src/*/*.c "$top_srcdir"/formats/*.c \
    2>/dev/null | grep -v 'snprintf\|vsnprintf')
if [ -n "$hits" ]; then
    echo "banned functions:"
    echo "$hits"
    echo "style: 0 passed, 1 failed"
    exit 1
fi
echo "style: 1 passed, 0 failed"
