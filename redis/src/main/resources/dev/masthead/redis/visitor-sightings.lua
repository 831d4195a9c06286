-- Decides which sightings are first. KEYS[1] any key of the namespace (it routes the call to the namespace's
-- slot). ARGV: key prefix, period ms, remember ms, then per sighting (2): key suffix (a fingerprint), event ms.
-- A sighting is first if no remembered one of its key is less than the period away from it (before or after);
-- a first one is remembered (SET ... PX remember), replacing the previous. Returns one 0/1 per sighting.
local prefix, period, remember = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local out = {}
for i = 4, #ARGV, 2 do
  local k = prefix .. ARGV[i]
  local t = tonumber(ARGV[i + 1])
  local prev = redis.pcall('GET', k)
  if type(prev) == 'table' and prev.err then
    return redis.error_reply('MASTHEAD-WRONGTYPE ' .. k .. ' holds a ' .. redis.call('TYPE', k).ok .. ', not a string')
  end
  if (not prev) or math.abs(t - tonumber(prev)) >= period then
    redis.call('SET', k, ARGV[i + 1], 'PX', remember)
    out[#out + 1] = 1
  else
    out[#out + 1] = 0
  end
end
return out
