-- Attaches an engine to a namespace. KEYS[1] meta. ARGV: layout hash, layout text, T tiers, W tracked windows.
-- Returns {'created'} for a new namespace, {'attached'} for one of the same layout, {'other', layout text}
-- for one of another layout (nothing changes then), {'version', v} for one written in another key layout
-- version (v; nothing changes then), and {'recreated'} when the meta hash was gone but buckets
-- were left (deleted by hand, or evicted): the running totals of every window are then marked to be recounted
-- from the buckets at their next slide, since which buckets had already left them was lost with the meta hash.
local hash, text = ARGV[1], ARGV[2]
local T, W = tonumber(ARGV[3]), tonumber(ARGV[4])
local t = redis.call('TYPE', META).ok
if t == 'none' then
  local leftover = false
  for x = 0, T - 1 do
    if redis.call('EXISTS', rkey(x)) == 1 then
      leftover = true
    end
  end
  local fields = {'layout', text, 'hash', hash, 'v', VERSION}
  if leftover then
    for w = 0, W - 1 do
      fields[#fields + 1] = 'rebuild:' .. w
      fields[#fields + 1] = '1'
    end
  end
  redis.call('HSET', META, unpack(fields))
  return {leftover and 'recreated' or 'created'}
end
if t ~= 'hash' then
  return redis.error_reply('MASTHEAD-WRONGTYPE ' .. META .. ' holds a ' .. t .. ', not the hash of the namespace layout')
end
local v = redis.call('HGET', META, 'v')
if v ~= VERSION then
  return {'version', tostring(v or 'none')}
end
if redis.call('HGET', META, 'hash') == hash then
  return {'attached'}
end
return {'other', tostring(redis.call('HGET', META, 'layout'))}
