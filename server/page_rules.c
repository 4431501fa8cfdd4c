/*
 * page_rules.c — the rule catalogue: every rule of the checker with its
 * id, severity, category, basis in the 条例 or the format, and its
 * explanation (xxgk_rule_at, the catalogue docs/rules.md is made of).
 */
#include "server.h"

void page_rules(req *r)
{
    page_begin(r, "规则目录", false);
    hb_fmt(&r->out, "<p>共 %d 条规则。每条规则有固定的编号，检查结果中的规则编号链接到这里。</p>\n",
           (int)xxgk_rule_count());
    hb_raw(&r->out, "<table class=\"rules\"><thead><tr><th scope=\"col\">规则</th>"
                    "<th scope=\"col\">级别</th><th scope=\"col\">类别</th>"
                    "<th scope=\"col\">依据</th><th scope=\"col\">说明</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < xxgk_rule_count(); i++) {
        const xxgk_rule *ru = xxgk_rule_at(i);
        hb_fmt(&r->out, "<tr id=\"%s\"><th scope=\"row\"><code>%s</code></th><td>%s</td><td>%s</td>"
                        "<td>%s</td><td><strong>%s</strong><br>%s</td></tr>\n",
               ru->id, ru->id, xxgk_severity_text(ru->severity), ru->category, ru->basis, ru->title,
               ru->explanation);
    }
    hb_raw(&r->out, "</tbody></table>\n");
    page_end(r);
}
