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
