-- Attaches an engine to a namespace. KEYS[1] meta. ARGV: layout hash, layout text.
-- Returns {'created'} for a new namespace, {'attached'} for one of the same layout, {'other', layout text}
-- for one of another layout (nothing changes then).
local hash, text = ARGV[1], ARGV[2]
local t = redis.call('TYPE', META).ok
if t == 'none' then
  redis.call('HSET', META, 'layout', text, 'hash', hash, 'v', '1')
  return {'created'}
end
if t ~= 'hash' then
  return redis.error_reply('MASTHEAD-WRONGTYPE ' .. META .. ' holds a ' .. t .. ', not the hash of the namespace layout')
end
if redis.call('HGET', META, 'hash') == hash then
  return {'attached'}
end
return {'other', tostring(redis.call('HGET', META, 'layout'))}
