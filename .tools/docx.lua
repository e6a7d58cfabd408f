-- Pandoc filter for the DOCX export of a notebook's HTML: drops what has no
-- meaning on paper (anchor links, the notebook's input prompts and
-- script blocks) and keeps tables and images.
function RawBlock(el)
  if el.format == "html" then
    return {}
  end
end

function Link(el)
  if el.target:match("^#") and #el.content == 1 and el.content[1].text == "¶" then
    return {}
  end
end

-- Tables get the full text width. Each column first gets room for its
-- longest word (a number is never broken over two lines), then what is left
-- is shared in proportion to how much longer its longest cell is (bounded,
-- so one long title cannot starve the rest); without widths Word squeezes
-- every column to a few characters. The reference document sets table text
-- at 9 pt: about ninety characters to the width of the page, and three
-- characters of padding a column.
local PAGE_CHARS, PAD, MAX_WORD, MAX_CELL = 90, 3, 18, 40

function Table(tbl)
  local n = #tbl.colspecs
  if n == 0 then return nil end
  local word, cell = {}, {}
  for i = 1, n do word[i], cell[i] = 1, 1 end
  local function measure(rows)
    for _, row in ipairs(rows) do
      for i, c in ipairs(row.cells) do
        if i <= n then
          local text = pandoc.utils.stringify(c.contents)
          cell[i] = math.max(cell[i], math.min(utf8.len(text) or #text, MAX_CELL))
          for w in text:gmatch("%S+") do
            word[i] = math.max(word[i], math.min(utf8.len(w) or #w, MAX_WORD))
          end
        end
      end
    end
  end
  measure(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do measure(body.body) end
  local base, spare, total = {}, {}, 0
  local spareTotal = 0
  for i = 1, n do
    base[i] = word[i] + PAD
    spare[i] = math.max(cell[i] - word[i], 0)
    total = total + base[i]
    spareTotal = spareTotal + spare[i]
  end
  local left = math.max(PAGE_CHARS - total, 0)
  local widths, sum = {}, 0
  for i = 1, n do
    widths[i] = base[i]
    if spareTotal > 0 then widths[i] = widths[i] + left * spare[i] / spareTotal end
    sum = sum + widths[i]
  end
  for i = 1, n do
    tbl.colspecs[i] = {tbl.colspecs[i][1], widths[i] / sum}
  end
  return tbl
end
