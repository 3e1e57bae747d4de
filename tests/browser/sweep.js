// The page sweep's probe, run in the page: what sticks out past the viewport's right edge
// (outside any scroll container), what text is cut by its box, and the page's text for the
// language check. Returns plain data; tests/browser/test_page_sweep.py judges it.
(withText) => {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const styles = new Map();
  const style = (el) => {
    let s = styles.get(el);
    if (!s) { s = getComputedStyle(el); styles.set(el, s); }
    return s;
  };
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const classes = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean);
    if (classes.length) name += "." + classes.slice(0, 3).join(".");
    const text = (el.textContent || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim();
    return text ? `${name} «${text.slice(0, 50)}»` : name;
  };
  const positioned = (el) => {
    const s = style(el);
    return s.position !== "static" || s.transform !== "none" || s.filter !== "none" || /paint|layout|strict|content/.test(s.contain);
  };
  // The box that clips or scrolls ``el``: an ancestor on its containing-block chain whose
  // overflow-x is not visible (html and body excepted: they are the page itself).
  const scroller = (el) => {
    let node = el;
    for (;;) {
      const position = style(node).position;
      if (position === "fixed") return null;
      let parent = node.parentElement;
      if (position === "absolute") {
        while (parent && parent !== root && !positioned(parent)) parent = parent.parentElement;
      }
      if (!parent || parent === document.body || parent === root) return null;
      if (style(parent).overflowX !== "visible") return parent;
      node = parent;
    }
  };
  const pastEdge = [];
  const reported = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const rects = el.getClientRects();
    if (!rects.length) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= viewport + 0.5) continue;
    if (scroller(el)) continue;
    let ancestor = el.parentElement;
    let inner = false;
    while (ancestor) { if (reported.has(ancestor)) { inner = true; break; } ancestor = ancestor.parentElement; }
    reported.add(el);
    if (!inner) pastEdge.push(`${describe(el)} reaches ${Math.round(box.right)} px`);
  }
  // Text wider than the block that holds it (a long word or address that does not wrap), or
  // cut by a box that hides its overflow.
  const cut = [];
  const block = (el) => {
    while (el && el !== document.body) {
      const display = style(el).display;
      if (!display.startsWith("inline") && display !== "contents") return el;
      el = el.parentElement;
    }
    return null;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const seen = new Set();
  const hidden = (el) => {
    const s = style(el);
    return s.clip !== "auto" || s.clipPath !== "none" || el.getBoundingClientRect().width <= 1;
  };
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.nodeValue.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, svg, noscript, select, textarea")) continue;
    range.selectNodeContents(node);
    const text = range.getBoundingClientRect();
    if (text.width === 0) continue;
    const holder = block(parent);
    if (!holder || seen.has(holder) || hidden(holder)) continue;
    const box = holder.getBoundingClientRect();
    const s = style(holder);
    const right = box.right - parseFloat(s.borderRightWidth || 0);
    if (text.right > right + 1 && s.overflowX === "visible") {
      seen.add(holder);
      cut.push(`text past its box ${describe(holder)}: ${Math.round(text.right - right)} px`);
    } else if (s.overflowX !== "visible" && holder.scrollWidth > holder.clientWidth + 1 && s.textOverflow === "ellipsis") {
      seen.add(holder);
      cut.push(`text cut ${describe(holder)}`);
    }
  }
  const result = { viewport, width: root.scrollWidth, pastEdge, cut, lang: root.lang };
  if (!withText) return result;
  // The page's text, without what is marked as another language or as code.
  const language = (root.lang || "").toLowerCase().split("-")[0];
  const foreign = (el) => {
    const marked = el.closest("[lang]");
    return marked && marked !== root && marked.lang.toLowerCase().split("-")[0] !== language;
  };
  const skip = "script, style, template, noscript, code, pre, kbd, samp";
  const chunks = [document.title];
  const words = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (words.nextNode()) {
    const node = words.currentNode;
    const value = node.nodeValue.replace(/\s+/g, " ").trim();
    const parent = node.parentElement;
    if (!value || !parent || parent.closest(skip) || foreign(parent)) continue;
    chunks.push(value);
  }
  const attributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];
  for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-description], input[type=submit], input[type=button]")) {
    if (foreign(el)) continue;
    for (const name of attributes) {
      const value = el.getAttribute(name);
      if (value && value.trim()) chunks.push(value.replace(/\s+/g, " ").trim());
    }
    if (el.matches("input[type=submit], input[type=button]") && el.value) chunks.push(el.value.trim());
  }
  result.chunks = chunks;
  return result;
}
