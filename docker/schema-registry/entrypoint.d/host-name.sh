# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): host.name for leader forwarding.

# --- host.name --------------------------------------------------------------------------------
# Followers forward writes to the leader's advertised host.name, so each task must advertise an
# address the other tasks can reach: its own task IP.

# First address under "IPv4Addresses" in ECS metadata JSON (compact or pretty-printed). The
# container endpoint has exactly one Networks entry; in awsvpc mode it is the task ENI address.
first_ipv4_from_metadata() {
  tr -d ' \t\r\n' | tr ',' '\n' \
    | sed -n 's/^.*"IPv4Addresses":\["\([0-9][0-9.]*\)".*$/\1/p' | head -n 1
}

is_ipv4() {
  printf '%s\n' "$1" | grep -Eq '^[0-9]{1,3}(\.[0-9]{1,3}){3}$'
}

ip_from_ecs_metadata() {
  uri=$1
  attempts=${SR_METADATA_ATTEMPTS:-5}
  delay=${SR_METADATA_RETRY_DELAY:-1}
  timeout=${SR_METADATA_TIMEOUT:-2}
  require_uint SR_METADATA_ATTEMPTS "$attempts"
  require_uint SR_METADATA_RETRY_DELAY "$delay"
  require_uint SR_METADATA_TIMEOUT "$timeout"
  n=1
  while [ "$n" -le "$attempts" ]; do
    if body=$(curl -fsS --connect-timeout "$timeout" --max-time "$timeout" "$uri" 2>/dev/null); then
      ip=$(printf '%s' "$body" | first_ipv4_from_metadata)
      if [ -n "$ip" ] && is_ipv4 "$ip"; then
        printf '%s\n' "$ip"
        return 0
      fi
      log "ECS metadata attempt $n/$attempts: no IPv4 address in the response"
    else
      log "ECS metadata attempt $n/$attempts: request to $uri failed"
    fi
    if [ "$n" -lt "$attempts" ]; then sleep "$delay"; fi
    n=$((n + 1))
  done
  return 1
}

# First non-loopback IPv4 address of this container.
ip_from_container() {
  if [ -n "${SR_HOST_IP_FALLBACK_CMD:-}" ]; then
    out=$(sh -c "$SR_HOST_IP_FALLBACK_CMD" 2>/dev/null) || out=''
  else
    out=$(hostname -i 2>/dev/null) || out=''
  fi
  for addr in $out; do
    case $addr in
      127.*|0.0.0.0) continue ;;
    esac
    if is_ipv4 "$addr"; then
      printf '%s\n' "$addr"
      return 0
    fi
  done
  return 1
}

resolve_host_name() {
  if [ -n "${SCHEMA_REGISTRY_HOST_NAME:-}" ]; then
    log "host.name: $SCHEMA_REGISTRY_HOST_NAME (explicitly provided SCHEMA_REGISTRY_HOST_NAME; other nodes must reach it)"
    return 0
  fi
  ip=''
  if [ -n "${ECS_CONTAINER_METADATA_URI_V4:-}" ]; then
    if ip=$(ip_from_ecs_metadata "$ECS_CONTAINER_METADATA_URI_V4"); then
      log "host.name: $ip (ECS task metadata)"
    else
      ip=''
      log "host.name: the ECS metadata endpoint gave no address; trying this container's own address"
    fi
  fi
  if [ -z "$ip" ]; then
    if ip=$(ip_from_container); then
      log "host.name: $ip (container address)"
    else
      die "cannot determine this task's IP address: the ECS metadata endpoint (ECS_CONTAINER_METADATA_URI_V4) is unset or unreachable and 'hostname -i' gave no non-loopback IPv4 address; leader forwarding would break. Set SCHEMA_REGISTRY_HOST_NAME to an address the other registry nodes can reach."
    fi
  fi
  SCHEMA_REGISTRY_HOST_NAME=$ip
  export SCHEMA_REGISTRY_HOST_NAME
}

