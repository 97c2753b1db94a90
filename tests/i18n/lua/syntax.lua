-- tests/i18n/lua-syntax: a script Lua cannot read.
plancheck.rule {
  id = "thieu-dau-phay"
  description = "Thiếu dấu phẩy sau id.",
}
