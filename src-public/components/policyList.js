// 政策一览 for one city: each scheme in force, its four questions, each answer with the document
// and clause it rests on (or the site's reading where the document is silent).
import {html} from "htl";

const TOPICS = ["参保对象", "缴费标准", "享受条件", "基金支付标准"];
const QUESTIONS = {参保对象: "谁参保", 缴费标准: "每人缴多少", 享受条件: "谁能享受待遇", 基金支付标准: "基金为每种服务支付多少"};

export function policyList(rows) {
  const schemes = [...new Set(rows.map((d) => d.scheme))];
  return html`${schemes.map((scheme) => {
    const mine = rows.filter((d) => d.scheme === scheme);
    return html`<section class="pub-policy">
      <h3>${mine[0].city_name} · ${scheme}长期护理保险 <small>${mine[0].document_no}</small></h3>
      <div class="grid grid-cols-2">${TOPICS.filter((t) => mine.some((d) => d.topic === t)).map((topic) => html`<div class="card">
        <h2>${topic}<span class="pub-question">${QUESTIONS[topic]}</span></h2>
        <dl>${mine.filter((d) => d.topic === topic).map((d) => html`<dt>${d.item}</dt><dd>${d.text}${basis(d)}</dd>`)}</dl>
      </div>`)}</div>
    </section>`;
  })}`;
}

function basis(d) {
  if (!d.basis) return "";
  return d.assumed === "是"
    ? html`<div class="pub-basis pub-assumed">本站理解：${d.basis.replace(/^文件未见明文，本站按此理解：/, "")}</div>`
    : html`<div class="pub-basis">依据：${d.document_no}“${d.basis}”</div>`;
}
