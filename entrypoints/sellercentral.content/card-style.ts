/** The card's CSS, inside its shadow root: the page's styles cannot reach it and it cannot reach the page. */
export const CARD_CSS = `
.sn{position:fixed;right:16px;bottom:16px;z-index:2147483647;font:13px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328}
.card{width:300px;background:#fff;border:1px solid #d0d7de;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.16);overflow:hidden}
.head{display:flex;align-items:center;gap:6px;padding:8px 8px 6px 12px;background:#f6f8fa;border-bottom:1px solid #eaeef2}
.head strong{flex:1;font-size:13px}
button{font:inherit;color:inherit;background:none;border:0;cursor:pointer;border-radius:6px}
button:focus-visible{outline:2px solid #0969da;outline-offset:1px}
.icon{width:24px;height:24px;line-height:24px;text-align:center;color:#57606a}
.icon:hover{background:#eaeef2}
ul{list-style:none;margin:0;padding:4px 0}
li{display:flex;align-items:center}
.guide{flex:1;text-align:left;padding:6px 12px;color:#0969da}
.guide:hover{background:#f6f8fa;text-decoration:underline}
.never{margin-right:6px;font-size:12px}
.foot{display:flex;gap:4px;padding:6px 8px;border-top:1px solid #eaeef2}
.foot button{padding:2px 8px;color:#57606a;font-size:12px}
.foot button:hover{background:#eaeef2}
.badge{display:flex;align-items:center;gap:4px;padding:6px 10px;background:#ff9900;color:#111;border-radius:16px;box-shadow:0 2px 10px rgba(0,0,0,.2);font-weight:600}
`;
