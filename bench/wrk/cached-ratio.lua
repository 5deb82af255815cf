-- A GET that also counts the responses served from the output cache: ASP.NET Core's output cache adds an Age header
-- to every response it serves from a stored entry (the first, rendered response has none), and nginx passes it on.
-- With the cache in Redis, a page stored by one instance and served by the other counts too.
-- Reading every response's headers in Lua costs wrk some speed; the same script runs for every row, so rows compare.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  cached = 0
  counted = 0
end

function response(status, headers, body)
  counted = counted + 1
  if headers["Age"] ~= nil or headers["age"] ~= nil then
    cached = cached + 1
  end
end

function done(summary, latency, requests)
  local all_cached, all_counted = 0, 0
  for _, thread in ipairs(threads) do
    all_cached = all_cached + thread:get("cached")
    all_counted = all_counted + thread:get("counted")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"non_2xx":%d,"socket_errors":%d,"cached":%d,"counted":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, all_cached, all_counted))
end
