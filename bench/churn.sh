#!/bin/bash
# usage: bench/churn.sh BINARY DIR
# Two warm builds of DIR/Content into DIR/Public, then four edits to the middle plan, one after
# another (a sentence, a task, a newly cited document, a copy of the plan as a new plan), each
# rebuilt and timed, with the files it wrote by folder. The plan is restored at the end. DIR is a
# copy of a generated corpus, e.g. `mkdir /tmp/c && cp -r bench/out/1000/Content /tmp/c/`.
B=$(realpath $1); TEMPLATES=$(realpath $(dirname $0)/../Templates); cd $2
T="--content Content --templates $TEMPLATES --output Public --timings"
$B build $T 2>&1 | grep Built; $B build $T 2>&1 | grep Built
P=$(ls Content/*.md | sort | sed -n "$(( $(ls Content/*.md | wc -l) / 2 ))p"); cp $P /tmp/churn-orig.md
count() { echo "$1: $(find Public -type f -links 1 | awk -F/ '{print $2"/"$3}' | sed 's#/[^/]*\.html##' | sort | uniq -c | sort -rn | head -6 | tr '\n' ' ')"; }
python3 - $P <<'PY'
import sys; p=sys.argv[1]; s=open(p,encoding='utf-8').read()
s=s.replace('\n## ','\nĐã sửa lần 3.\n\n## ',1); open(p,'w',encoding='utf-8').write(s)
PY
/usr/bin/time -f "%e s" $B build $T 2>&1 | grep -E "Built| s$"; count "sentence"
python3 - $P <<'PY'
import sys,re; p=sys.argv[1]; s=open(p,encoding='utf-8').read()
i=s.index('TỔ CHỨC THỰC HIỆN'); j=s.index('\n1. ',i)
s=s[:j]+'\n1. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh, hoàn thành trong năm 2025.\n'+s[j:]
open(p,'w',encoding='utf-8').write(s)
PY
/usr/bin/time -f "%e s" $B build $T 2>&1 | grep -E "Built| s$"; count "task"
python3 - $P <<'PY'
import sys; p=sys.argv[1]; s=open(p,encoding='utf-8').read()
s=s.replace('\n## ','\nThực hiện Quyết định số 987/QĐ-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh.\n\n## ',1); open(p,'w',encoding='utf-8').write(s)
PY
/usr/bin/time -f "%e s" $B build $T 2>&1 | grep -E "Built| s$"; count "new document"
cp $P Content/zz-new-plan.md; sed -i 's/^slug: .*/slug: "zz-ban-sao"/; s/^title: "/title: "Bản sao /' Content/zz-new-plan.md
/usr/bin/time -f "%e s" $B build $T 2>&1 | grep -E "Built| s$"; count "new plan"
rm Content/zz-new-plan.md; cp /tmp/churn-orig.md $P
