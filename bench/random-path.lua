-- wrk script: GET a random path from the file named by BENCH_PATHS (one path a line), with the bearer token
-- in BENCH_TOKEN if set, and print one machine-readable RESULT line at the end for run-register-bench.sh.
local threads = 0
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    paths[#paths + 1] = line
  end
  assert(#paths > 0, "no paths in " .. os.getenv("BENCH_PATHS"))
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
