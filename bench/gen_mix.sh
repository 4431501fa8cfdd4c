#!/usr/bin/env bash
# gen_mix.sh — a mix of real reports for the import benchmark (issue 15):
# N files made from the reports of SRC (the shared corpus: HTML pages,
# crawler text dumps, text PDFs), taken in turn, each varied so that no
# two files are the same: in text and HTML the place name 平潭 becomes
# another two-character name (so each copy is another body, as in a
# nation's year of reports); a PDF gets a comment line after its end
# (its content and reading cost unchanged, its hash its own).
#   bench/gen_mix.sh SRC_DIR OUT_DIR N
set -euo pipefail
src=$1 out=$2 n=$3
first=(云 青 白 金 石 松 桃 柳 梅 兰 竹 菊 东 西 南 北 上 下 新 长)
second=(溪 山 河 湖 江 岭 坪 源 川 林 泉 桥 塘 湾 洲 岗 峰 谷 田 关)
files=("$src"/*.pdf "$src"/*.txt "$src"/*.html "$src"/*.htm)
srcs=()
for f in "${files[@]}"; do [[ -f $f ]] && srcs+=("$f"); done
(( ${#srcs[@]} )) || { echo "gen_mix.sh: no reports in $src" >&2; exit 1; }
mkdir -p "$out"
for ((i = 0; i < n; i++)); do
  f=${srcs[i % ${#srcs[@]}]}
  v=$((i / ${#srcs[@]}))
  name=${first[v % 20]}${second[(v / 20) % 20]}
  base=$(basename "$f")
  dest=$(printf '%s/%05d_%s' "$out" "$i" "$base")
  case $f in
    *.pdf) { cat "$f"; printf '\n%%xxgk-bench-variant %d\n' "$v"; } >"$dest" ;;
    *) if (( v < 400 )); then sed "s/平潭/${name}/g" "$f" >"$dest"
       else sed "s/平潭/${name}${v}/g" "$f" >"$dest"; fi ;;
  esac
done
