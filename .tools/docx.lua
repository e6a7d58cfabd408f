-- Pandoc filter for the DOCX export of a report's code-free HTML.
--
-- * Drops what has no meaning on paper: anchor links, scripts and raw
--   HTML, and every element of class songs-html-only or cell tagged
--   html-only (text about hovering, the interactive explorer).
-- * Titles the document: the first heading becomes the title and the
--   subtitle paragraph the subtitle (export-docx puts the full title,
--   with study and catalog, in the document properties).
-- * Turns the table of contents into a Word contents field whose entries
--   are filled in (Word updates the page numbers; LibreOffice shows the
--   entries as they are), with bookmarks Word accepts on the headings.
-- * Sizes every table from the widths of its words in the table font:
--   each column gets at least its longest word (a short cell holding a
--   number is one unbreakable word, and so is a value with its relation,
--   "0 / 1" or "rho = 0.054"), then room for its header on at most three
--   lines, for its data on one line and for its header on one line, in
--   that order. A table that does not fit the portrait page goes on
--   landscape pages of its own, with smaller text when even those are
--   too narrow. (docx-layout then keeps each row on one page.)

-- Page geometry of the reference document (A4, 2 cm margins), in points,
-- and the table text sizes of its styles.
local PORTRAIT_W, LANDSCAPE_W = 481.9, 728.5
local TABLE_PT, SMALL_PT = 9, 7.5
local PAD = 10.8 + 1.5 -- cell margins (2 x 108 twips) and a little air
local MAX_CELL = 230 -- a column wider than this wraps its text
local SMALL_STYLE = "Small Table Text"

-- Advance widths of Arial / Liberation Sans (metrically identical) in
-- thousandths of an em, from the fonts' metrics; other characters count
-- 0.6 em.
local WIDTH = {
  [32]=278,[33]=278,[34]=355,[35]=556,[36]=556,[37]=889,[38]=667,[39]=191,[40]=333,[41]=333,
  [42]=389,[43]=584,[44]=278,[45]=333,[46]=278,[47]=278,[48]=556,[49]=556,[50]=556,[51]=556,
  [52]=556,[53]=556,[54]=556,[55]=556,[56]=556,[57]=556,[58]=278,[59]=278,[60]=584,[61]=584,
  [62]=584,[63]=556,[64]=1015,[65]=667,[66]=667,[67]=722,[68]=722,[69]=667,[70]=611,[71]=778,
  [72]=722,[73]=278,[74]=500,[75]=667,[76]=556,[77]=833,[78]=722,[79]=778,[80]=667,[81]=778,
  [82]=722,[83]=667,[84]=611,[85]=722,[86]=667,[87]=944,[88]=667,[89]=667,[90]=611,[91]=278,
  [92]=278,[93]=278,[94]=469,[95]=556,[96]=333,[97]=556,[98]=556,[99]=500,[100]=556,[101]=556,
  [102]=278,[103]=556,[104]=556,[105]=222,[106]=222,[107]=500,[108]=222,[109]=833,[110]=556,
  [111]=556,[112]=556,[113]=556,[114]=333,[115]=500,[116]=278,[117]=556,[118]=500,[119]=722,
  [120]=500,[121]=500,[122]=500,[123]=334,[124]=260,[125]=334,[126]=584,
  [160]=278,[177]=584,[183]=278,[215]=584,[8209]=333,[8211]=556,[8212]=1000,[8230]=1000,[8722]=584,
  [8776]=549,[8804]=549,[8805]=549,
}

local function width(s, pt)
  local w = 0
  for _, c in utf8.codes(s) do
    w = w + (WIDTH[c] or 600)
  end
  return w * pt / 1000
end

local function hasClass(el, class)
  if not el.attr then return false end
  for _, c in ipairs(el.attr.classes) do
    if c == class then return true end
  end
  return false
end

function RawBlock(el)
  if el.format == "html" then return {} end
end

function RawInline(el)
  if el.format == "html" then return {} end
end

function Link(el)
  if el.target:match("^#") and #el.content == 1 and el.content[1].text == "¶" then
    return {}
  end
end

-- A cell that is a number or a short value made of numbers (a date,
-- "12 (3%)", "0.92 ± 0.01", "[-0.14, -0.02]", "k = 3", "2000s"): digits
-- with no word of two letters or more. It is kept on one line.
local function unbreakable(text)
  return text:match("%d") ~= nil and utf8.len(text) <= 28 and not text:match("%a%a")
end

-- The widths a unit of a cell needs: a word may break after a hyphen,
-- except in a word holding digits (a number, a date).
local function minWidth(word, pt)
  if word:match("%d") then return width(word, pt) end -- see numberHyphens
  local w = 0
  for part in word:gmatch("[^%-]+%-?") do
    w = math.max(w, width(part, pt))
  end
  return w
end

local nbsp = pandoc.Str("\u{00A0}")

-- In a word with digits, a hyphen is no place to break a line (Word and
-- LibreOffice would break "-22.3" after its sign, "2022-06-10" after a
-- hyphen): a minus sign becomes U+2212 MINUS SIGN, other hyphens U+2011
-- NON-BREAKING HYPHEN. Words without digits may still break after their
-- hyphens.
local function numberHyphens(str)
  if not str.text:match("%d") or not str.text:match("%-") then return nil end
  local t = str.text:gsub("^([%[%(]?)%-(%d)", "%1\u{2212}%2"):gsub("([%s=:,;])%-(%d)", "%1\u{2212}%2"):gsub("%-", "\u{2011}")
  return pandoc.Str(t)
end

local function fixHyphens(cell)
  cell.contents = pandoc.walk_block(pandoc.Div(cell.contents), {Str = numberHyphens}).content
end

local function keepTogether(cell)
  cell.contents = pandoc.walk_block(pandoc.Div(cell.contents), {
    Space = function() return nbsp end,
    SoftBreak = function() return nbsp end,
  }).content
end

-- A value with its relation inside a cell's text ("tracks in cohorts
-- 0 / 1", "a ± 0.01", "Spearman rho = 0.054") stays on one line: the
-- spaces between a relation and a number next to it become no-break
-- spaces, and so does the space before a comparison that a number
-- follows ("rho = 0.054" is one unit, "Gear / 1965" may break after
-- "Gear").
local RELATIONS = {["/"] = true, ["±"] = true, ["="] = true, ["<"] = true, [">"] = true, ["≤"] = true, ["≥"] = true, ["≈"] = true}
local COMPARISONS = {["="] = true, ["<"] = true, [">"] = true, ["≤"] = true, ["≥"] = true, ["≈"] = true}

local function numeric(el)
  return el ~= nil and el.t == "Str" and el.text:match("%d") ~= nil and not el.text:match("%a")
end

local function relation(el, set)
  return el ~= nil and el.t == "Str" and (set or RELATIONS)[el.text] == true
end

local function joinValues(cell)
  local function join(p)
    local els = p.content
    for i = 2, #els - 1 do
      local a, b = els[i - 1], els[i + 1]
      if els[i].t == "Space" and (numeric(a) and relation(b) or relation(a) and numeric(b)
          or relation(b, COMPARISONS) and els[i + 2] ~= nil and els[i + 2].t == "Space" and numeric(els[i + 3])) then
        els[i] = nbsp
      end
    end
    p.content = els
    return p
  end
  cell.contents = pandoc.walk_block(pandoc.Div(cell.contents), {Plain = join, Para = join}).content
end

-- words returns the words of a cell's text: what lies between its
-- (ordinary) spaces.
local function words(text)
  return text:gmatch("[^ ]+")
end

-- lineCount returns how many lines text takes when wrapped greedily at
-- its spaces in a column of content width w.
local function lineCount(text, w, pt)
  local space = width(" ", pt)
  local n, line = 1, nil
  for word in words(text) do
    local ww = width(word, pt)
    if line == nil then
      line = ww
    elseif line + space + ww <= w then
      line = line + space + ww
    else
      n, line = n + 1, ww
    end
  end
  return n
end

-- fitLines returns the narrowest column width (padding included), at
-- least lo, in which text takes at most k lines.
local function fitLines(text, k, pt, lo)
  local hi = width(text, pt) + PAD
  if hi <= lo or lineCount(text, lo - PAD, pt) <= k then return lo end
  for _ = 1, 20 do
    local mid = (lo + hi) / 2
    if lineCount(text, mid - PAD, pt) <= k then hi = mid else lo = mid end
  end
  return hi
end

local function smaller(cell)
  cell.contents = pandoc.walk_block(pandoc.Div(cell.contents), {
    Plain = function(p) return pandoc.Plain({pandoc.Span(p.content, {["custom-style"] = SMALL_STYLE})}) end,
    Para = function(p) return pandoc.Para({pandoc.Span(p.content, {["custom-style"] = SMALL_STYLE})}) end,
  }).content
end

-- eachCell calls fn with every cell of the table, its column and whether
-- it is a header cell.
local function eachCell(tbl, fn)
  local function rows(rs, head)
    for _, row in ipairs(rs) do
      for i, c in ipairs(row.cells) do fn(c, i, head) end
    end
  end
  rows(tbl.head.rows, true)
  for _, body in ipairs(tbl.bodies) do
    rows(body.head, true)
    rows(body.body, false)
  end
  rows(tbl.foot.rows, false)
end

-- spread gives each column up to want[i] - widths[i] more, out of left,
-- in proportion to what it wants; it returns what is left.
local function spread(widths, want, left)
  local sum = 0
  for i = 1, #widths do
    sum = sum + math.max(want[i] - widths[i], 0)
  end
  if sum <= 0 or left <= 0 then return left end
  local give = math.min(left, sum)
  for i = 1, #widths do
    widths[i] = widths[i] + give * math.max(want[i] - widths[i], 0) / sum
  end
  return left - give
end

-- HEAD_LINES is how many lines a header cell may take before the
-- columns' data get their room.
local HEAD_LINES = 3

-- Table: column widths, unbreakable numbers, and the orientation the
-- table needs (a class read by Div below). Every column gets at least
-- its longest unbreakable word; what is left of the page goes first to
-- the columns whose header would take more than HEAD_LINES lines, then
-- to those whose data would wrap (so that a name or a value reads on one
-- line where it can), then to those whose header would, then to those
-- with text longer than MAX_CELL, each time in proportion to the width
-- each column still wants. A table narrower than the page is widened in
-- proportion.
function Table(tbl)
  local n = #tbl.colspecs
  if n == 0 then return nil end
  local need, body, head, long, heads = {}, {}, {}, {}, {}
  for i = 1, n do need[i], body[i], head[i], long[i], heads[i] = 0, 0, 0, 0, {} end
  eachCell(tbl, function(c, i, isHead)
    if i > n then return end
    fixHyphens(c)
    joinValues(c)
    local text = pandoc.utils.stringify(c.contents)
    if unbreakable(text) then
      keepTogether(c)
      need[i] = math.max(need[i], width(text, TABLE_PT))
    else
      for w in words(text) do
        need[i] = math.max(need[i], minWidth(w, TABLE_PT))
      end
    end
    local full = width(text, TABLE_PT)
    local want = math.min(full, MAX_CELL)
    long[i] = math.max(long[i], full)
    if isHead then
      head[i] = math.max(head[i], want)
      table.insert(heads[i], text)
    else
      body[i] = math.max(body[i], want)
    end
  end)
  local total = 0
  for i = 1, n do
    need[i] = need[i] + PAD
    body[i] = math.max(body[i] + PAD, need[i])
    head[i] = math.max(head[i] + PAD, body[i])
    long[i] = math.max(long[i] + PAD, head[i])
    total = total + need[i]
  end
  local page, pt = PORTRAIT_W, TABLE_PT
  if total > PORTRAIT_W then
    page = LANDSCAPE_W
    tbl.attr.classes:insert("songs-landscape")
    if total > LANDSCAPE_W then
      pt = SMALL_PT
      for i = 1, n do
        need[i] = (need[i] - PAD) * SMALL_PT / TABLE_PT + PAD
        body[i] = (body[i] - PAD) * SMALL_PT / TABLE_PT + PAD
        head[i] = (head[i] - PAD) * SMALL_PT / TABLE_PT + PAD
        long[i] = (long[i] - PAD) * SMALL_PT / TABLE_PT + PAD
      end
      eachCell(tbl, smaller)
    end
  end
  local short = {} -- per column, the width its header needs for HEAD_LINES lines
  local widths, sumNeed = {}, 0
  for i = 1, n do
    short[i] = need[i]
    for _, text in ipairs(heads[i]) do
      short[i] = math.max(short[i], fitLines(text, HEAD_LINES, pt, need[i]))
    end
    widths[i] = need[i]
    sumNeed = sumNeed + need[i]
  end
  local left = math.max(page - sumNeed, 0)
  left = spread(widths, short, left)
  left = spread(widths, body, left)
  left = spread(widths, head, left)
  spread(widths, long, left)
  local sum = 0
  for i = 1, n do sum = sum + widths[i] end
  for i = 1, n do
    tbl.colspecs[i] = {tbl.colspecs[i][1], widths[i] / sum}
  end
  return tbl
end

-- Section breaks: the paragraph ending a section carries its page set-up.
local PAGE = '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
local END_PORTRAIT = pandoc.RawBlock("openxml",
  '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' .. PAGE .. '</w:sectPr></w:pPr></w:p>')
local END_LANDSCAPE = pandoc.RawBlock("openxml",
  '<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' .. PAGE .. '</w:sectPr></w:pPr></w:p>')

local tocLinks = nil
local TOC_MARK = "<!-- songs-toc -->"
local subtitle = nil

function Div(el)
  if hasClass(el, "songs-html-only") or hasClass(el, "celltag_html-only") then
    return {}
  end
  if hasClass(el, "songs-subtitle") then
    subtitle = pandoc.utils.stringify(el)
    return {}
  end
  if hasClass(el, "songs-toc") then
    tocLinks = {}
    pandoc.walk_block(el, {
      Link = function(l)
        if l.target:match("^#") then
          table.insert(tocLinks, {target = l.target:sub(2), text = pandoc.utils.stringify(l.content)})
        end
      end,
    })
    return pandoc.RawBlock("openxml", TOC_MARK)
  end
  for _, b in ipairs(el.content) do
    if b.t == "Table" and hasClass(b, "songs-landscape") then
      return {END_PORTRAIT, el, END_LANDSCAPE}
    end
  end
end

-- flatten returns the blocks with every Div replaced by its content
-- (a Word document has no divisions), recursively.
local function flatten(blocks, out)
  for _, b in ipairs(blocks) do
    if b.t == "Div" then
      flatten(b.content, out)
    else
      table.insert(out, b)
    end
  end
  return out
end

local function escapeXML(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function tocXML(links, ids, levels)
  local parts = {
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>',
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>',
  }
  local entries = {}
  for _, l in ipairs(links) do
    local id = ids[l.target]
    if id then table.insert(entries, {id = id, text = l.text, level = levels[l.target] or 2}) end
  end
  for i, e in ipairs(entries) do
    local style = e.level >= 3 and "TOC2" or "TOC1"
    local p = '<w:p><w:pPr><w:pStyle w:val="' .. style .. '"/></w:pPr>'
    if i == 1 then
      p = p .. '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        .. '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        .. '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end
    p = p .. '<w:hyperlink w:anchor="' .. e.id .. '" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">'
      .. escapeXML(e.text) .. '</w:t></w:r></w:hyperlink>'
    if i == #entries then
      p = p .. '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    end
    table.insert(parts, p .. '</w:p>')
  end
  table.insert(parts, '</w:sdtContent></w:sdt>')
  return table.concat(parts)
end

function Pandoc(doc)
  local blocks = flatten(doc.blocks, {})
  -- The first heading is the document's title, the subtitle division
  -- (removed by Div) its subtitle.
  if subtitle then
    doc.meta.subtitle = subtitle
    doc.meta.subject = subtitle
  end
  local out, ids, levels, n = {}, {}, {}, 0
  local titled = false
  for _, b in ipairs(blocks) do
    if not titled and b.t == "Header" and b.level == 1 then
      doc.meta.title = pandoc.MetaInlines(b.content)
      titled = true
    elseif b.t == "Header" then
      n = n + 1
      local id = "sec" .. n
      if b.identifier ~= "" then
        ids[b.identifier] = id
        levels[b.identifier] = b.level
      end
      b.identifier = id
      table.insert(out, b)
    else
      table.insert(out, b)
    end
  end
  -- Section breaks that meet (two landscape tables in a row) cancel out,
  -- so that no empty page is left between them.
  local function is(b, raw)
    return b and b.t == "RawBlock" and b.format == "openxml" and b.text == raw.text
  end
  local merged = {}
  for _, b in ipairs(out) do
    if is(b, END_PORTRAIT) and is(merged[#merged], END_LANDSCAPE) then
      table.remove(merged)
    else
      table.insert(merged, b)
    end
  end
  -- Internal links follow their headings' new bookmarks.
  local relink = {
    Link = function(l)
      local id = l.target:match("^#(.*)")
      if id and ids[id] then l.target = "#" .. ids[id] return l end
    end,
  }
  for i, b in ipairs(merged) do
    if b.t == "RawBlock" and b.text == TOC_MARK then
      merged[i] = pandoc.RawBlock("openxml", tocXML(tocLinks or {}, ids, levels))
    else
      merged[i] = pandoc.walk_block(b, relink)
    end
  end
  doc.blocks = merged
  return doc
end
