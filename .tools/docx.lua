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

-- Tables get the full text width, shared between columns in proportion to
-- their longest cell (bounded, so one long title cannot starve the rest);
-- without widths Word squeezes every column to a few characters.
function Table(tbl)
  local n = #tbl.colspecs
  if n == 0 then return nil end
  local longest = {}
  for i = 1, n do longest[i] = 8 end
  local function measure(rows)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        if i <= n then
          local len = utf8.len(pandoc.utils.stringify(cell.contents)) or 0
          longest[i] = math.max(longest[i], math.min(len, 28))
        end
      end
    end
  end
  measure(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do measure(body.body) end
  local total = 0
  for i = 1, n do total = total + longest[i] end
  for i = 1, n do
    tbl.colspecs[i] = {tbl.colspecs[i][1], longest[i] / total}
  end
  return tbl
end
