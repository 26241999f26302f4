-- wrk script: replays one pre-signed request (written by prepare.py) on every connection.
-- A SigV4 signature stays valid for 15 minutes around its X-Amz-Date, so one signature
-- serves a whole run; the server still verifies it on every request (nothing is cached
-- by signature in Warden).
local path = os.getenv("LOADBENCH_REQUEST")
if not path then
  error("LOADBENCH_REQUEST must name a request file written by prepare.py")
end
local req = dofile(path)
wrk.method = req.method
wrk.path = req.path
wrk.body = req.body
wrk.headers = req.headers

-- One machine-readable line for run.sh. `non2xx` is wrk's count of responses whose status
-- is not 2xx/3xx: 0 is expected for GetUser, all of them for the denied (403) call.
function done(summary, latency, requests)
  io.write(string.format(
    "LOADBENCH requests=%d duration_us=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
