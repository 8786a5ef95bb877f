#!/bin/sh
# style.sh -- functions HACKING bans stay out of the tree.
: "${top_srcdir:=.}"
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
