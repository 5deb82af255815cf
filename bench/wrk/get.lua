-- A GET, with an Accept-Encoding header when BENCH_ACCEPT_ENCODING is set (the stylesheet with Brotli).
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local encoding = os.getenv("BENCH_ACCEPT_ENCODING")
if encoding and encoding ~= "" then
  wrk.headers["Accept-Encoding"] = encoding
end
