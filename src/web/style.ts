/** The pages' one stylesheet, inlined: no asset route, no build step. */
export const STYLE = `
:root { --fg:#1d2330; --muted:#6b7280; --line:#d8dce3; --bg:#fff; --soft:#f4f6f9; --accent:#1f5fbf;
  --shared:#e5f4ea; --unique:#fff3d6; --conflict:#fde2e1; --conflict-line:#d33b32; --warn:#b45309; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", sans-serif; color:var(--fg); background:var(--bg); }
header.top { display:flex; gap:1.5rem; align-items:baseline; padding:.6rem 1.2rem; border-bottom:1px solid var(--line); background:var(--soft); }
header.top .brand { font-weight:700; font-size:1.1rem; color:var(--fg); text-decoration:none; }
header.top nav a { margin-right:1rem; }
header.top form.search { margin-left:auto; display:flex; gap:.3rem; }
header.top form.search input { width:18rem; padding:.2rem .4rem; }
ol.hits { padding-left:1.2rem; } ol.hits li { margin-bottom:.9rem; } ol.hits p { margin:.1rem 0; }
.hit-title { font-weight:600; } .snippet mark { background:#fff2a8; padding:0 .1rem; }
main { padding:1rem 1.2rem 3rem; }
a { color:var(--accent); }
h1 { font-size:1.35rem; margin:.2rem 0 .6rem; }
h2 { font-size:1.05rem; margin:1.6rem 0 .5rem; border-bottom:1px solid var(--line); padding-bottom:.2rem; }
.muted { color:var(--muted); }
.small { font-size:.85em; }
table { border-collapse:collapse; }
th, td { border:1px solid var(--line); padding:.35rem .5rem; vertical-align:top; text-align:start; }
th { background:var(--soft); font-weight:600; }
table.list { width:100%; }
table.list td.num { text-align:right; font-variant-numeric:tabular-nums; }
form.filters { display:flex; flex-wrap:wrap; gap:.8rem; align-items:end; margin:.4rem 0 1rem; }
form.filters label { display:flex; flex-direction:column; font-size:.85em; color:var(--muted); }
form.filters select, form.filters input { font:inherit; padding:.2rem .3rem; }
.pager { margin-top:.8rem; display:flex; gap:1rem; align-items:center; }
.tag { display:inline-block; padding:0 .35rem; border-radius:.6rem; font-size:.78em; background:var(--soft); border:1px solid var(--line); white-space:nowrap; }
.tag.shared { background:var(--shared); }
.tag.unique { background:var(--unique); border-color:#e0b44c; }
.tag.conflicting { background:var(--conflict); border-color:var(--conflict-line); }
.tag.failing { background:var(--conflict); border-color:var(--conflict-line); }
.tag.ok { background:var(--shared); }
.matrix-wrap { overflow-x:auto; max-width:100%; border:1px solid var(--line); }
table.matrix { min-width:100%; }
table.matrix th.claim, table.matrix td.claim { position:sticky; left:0; background:var(--bg); min-width:18rem; max-width:24rem; z-index:1; box-shadow:1px 0 0 var(--line); }
table.matrix th.claim { background:var(--soft); }
table.matrix th.account { min-width:11rem; max-width:16rem; font-weight:normal; }
table.matrix th.account .outlet { font-weight:600; }
table.matrix td.says { min-width:11rem; max-width:16rem; }
table.matrix td.says.made { background:#fbfcfe; }
table.matrix td.says.silent { background:repeating-linear-gradient(135deg, #fff, #fff 6px, #f6f7f9 6px, #f6f7f9 12px); }
table.matrix tr.unique td.claim { background:var(--unique); }
table.matrix tr.shared td.claim { background:var(--shared); }
table.matrix tr.has-conflict td.claim { border-left:4px solid var(--conflict-line); }
table.matrix td.says.conflicting { background:var(--conflict); }
.copies { margin:.3rem 0 0; padding-left:1rem; font-size:.85em; }
.conflict { border:2px solid var(--conflict-line); background:var(--conflict); border-radius:.4rem; padding:.5rem .7rem; margin:.5rem 0; }
.conflict h3, .contradiction h3 { margin:0 0 .3rem; font-size:1rem; }
.conflict .value { font-weight:700; font-size:1.05rem; }
.conflict ul, .contradiction ul { margin:.2rem 0; padding-left:1.2rem; }
.contradiction { border:2px solid var(--warn); background:#fff7ed; border-radius:.4rem; padding:.5rem .7rem; margin:.5rem 0; }
blockquote { margin:.2rem 0; padding:.1rem .6rem; border-left:3px solid var(--line); }
blockquote[dir="rtl"] { border-left:0; border-right:3px solid var(--line); }
.legend { display:flex; gap:1rem; flex-wrap:wrap; font-size:.85em; margin:.3rem 0 .6rem; }
.notice { padding:.6rem .8rem; background:var(--soft); border:1px solid var(--line); border-radius:.4rem; }
[dir="rtl"] { text-align:right; font-size:1.05em; }
`;
