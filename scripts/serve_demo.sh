#!/usr/bin/env bash
# `make serve`: xxgk serve on the bundled samples, in one command. A store
# in build/serve-demo/ (made anew each time) holds the five sample reports
# (2020), a roster putting their bodies under 示例县, a few applications in
# the register, and four users, whose passwords are printed below. Then the
# server runs in the foreground until Ctrl-C.
#   scripts/serve_demo.sh [XXGK] [ADDR:PORT]
set -euo pipefail
xxgk=${1:-build/xxgk}
listen=${2:-127.0.0.1:8080}
cd "$(dirname "$0")/.."
[[ -x $xxgk ]] || { echo "serve_demo: $xxgk is not built; run make serve" >&2; exit 2; }
dir=$(dirname "$xxgk")/serve-demo
rm -rf "$dir"
mkdir -p "$dir"
db=$dir/demo.db
"$xxgk" db import examples/ --db "$db" >/dev/null || [[ $? -eq 1 ]] # 1: some have errors
{ printf '名称,上级,类别\n'
  for b in 荷湖乡 杭州市富阳区上官乡人民政府 姚集镇人民政府 张家坡镇 南港镇; do printf '%s,示例县,乡镇\n' "$b"; done
  printf '示例县民政局,示例县,县级部门\n'
} >"$dir/roster.csv"
"$xxgk" db bodies import "$dir/roster.csv" --db "$db" >/dev/null
users=("admin admin admin-demo-1" "clerk clerk clerk-demo-1 示例县民政局" "head head head-demo-01 示例县民政局"
       "supervisor sup sup-demo-001 示例县")
for u in "${users[@]}"; do
  read -r role name password where <<<"$u"
  scope=()
  [[ $role == clerk || $role == head ]] && scope=(--body "$where")
  [[ $role == supervisor ]] && scope=(--region "$where")
  printf '%s\n' "$password" | "$xxgk" user add "$name" --role "$role" "${scope[@]}" --password-stdin \
    --db "$db" --by demo
done
year=$(( $(date +%Y) - 1 ))
for i in 1 2 3; do
  "$xxgk" case add --db "$db" --by clerk --body 示例县民政局 --received "$year-0$((i + 2))-1$i" \
    --channel 网络 --applicant natural --subject "示例申请$i" --id-number 110101199001011234 >/dev/null
done
"$xxgk" case reply 1 --db "$db" --by clerk --date "$year-03-20" --outcome granted >/dev/null
echo "用户（用户名 / 密码）：admin / admin-demo-1，clerk / clerk-demo-1，head / head-demo-01，sup / sup-demo-001"
echo "审核台的样例报告为 2020 年度（/desk?year=2020）；Ctrl-C 停止。"
exec "$xxgk" serve --db "$db" --listen "$listen"
