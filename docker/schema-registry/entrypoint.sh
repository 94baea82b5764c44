#!/bin/sh
# Entrypoint of the Schema Registry image (docker/schema-registry/Dockerfile).
#
# Turns the environment set by the ECS task definition into the SCHEMA_REGISTRY_* variables that the
# stock cp launcher renders into schema-registry.properties, writes the basic-auth JAAS and password
# files, drops the injected secrets from the environment, then execs the launcher.
# The names shared with the CDK task definition live in docker/schema-registry/env-contract.json.
#
# Contract variables (set by the task definition):
#   SR_KAFKA_AUTH_MODE           iam | scram | tls | plaintext
#   SR_BASIC_AUTH_ENABLED        true | false (default false)
#   SR_BASIC_AUTH_ROLES          comma-separated roles (default admin)
#   SR_KAFKA_SCRAM_USERNAME, SR_KAFKA_SCRAM_PASSWORD   injected secrets (scram mode)
#   SR_ADMIN_USERNAME, SR_ADMIN_PASSWORD               injected secrets (basic auth)
#   SCHEMA_REGISTRY_*            passed through to the cp launcher
#
# Internal variables (image, local runs and tests; not part of the task-definition contract):
#   SR_CP_VERSION                Confluent Platform version; set by the Dockerfile (ENV)
#   SR_BASIC_AUTH_REALM          JAAS realm name (default SchemaRegistry-Props)
#   SR_CONFIG_DIR                where the JAAS and password files go (default /etc/schema-registry/secrets)
#   SR_METADATA_ATTEMPTS         ECS metadata attempts (default 5)
#   SR_METADATA_RETRY_DELAY      seconds between attempts (default 1)
#   SR_METADATA_TIMEOUT          seconds per attempt (default 2)
#   SR_HOST_IP_FALLBACK_CMD      command printing this container's addresses outside ECS (default: hostname -i)
#   SCHEMA_REGISTRY_LAUNCHER     program exec'd at the end (default /etc/confluent/docker/run)
#
# Secret values are never printed; error messages name the variable only.
set -eu

log() { printf 'sr-entrypoint: %s\n' "$*" >&2; }
die() { printf 'sr-entrypoint: ERROR: %s\n' "$*" >&2; exit 1; }

# Value of the variable named $1 (names are constants in this script).
value_of() { eval "printf '%s' \"\${$1:-}\""; }

require_var() {
  [ -n "$(value_of "$1")" ] || die "$1 is required when $2"
}

require_uint() {
  case $2 in
    ''|*[!0-9]*) die "$1='$2' must be a whole number" ;;
  esac
}

NL='
'
CR=$(printf '\r')

# Secrets end up in .properties files that Java reads as ISO-8859-1, one entry per line.
# (Checked on the raw value: a command substitution would drop trailing line breaks.)
require_printable_ascii() {
  raw=''
  eval "raw=\${$1:-}"
  case $raw in
    *"$NL"*|*"$CR"*) die "$1 must contain printable ASCII characters only (no line breaks or control characters)" ;;
  esac
  if printf '%s' "$raw" | LC_ALL=C grep -q '[^ -~]'; then
    die "$1 must contain printable ASCII characters only (no line breaks or control characters)"
  fi
}

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

# --- Kafka store authentication ---------------------------------------------------------------

# Escapes a value for a double-quoted JAAS option, then once more for java.util.Properties: the cp
# launcher writes the value verbatim into a .properties file, whose loader unescapes backslashes.
jaas_quote() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\\/\\\\/g'
}

clear_sasl_settings() {
  unset SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG \
    SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS
}

configure_kafka_auth() {
  mode=${SR_KAFKA_AUTH_MODE:-}
  case $mode in
    iam)
      clear_sasl_settings
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SASL_SSL
      SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM=AWS_MSK_IAM
      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG='software.amazon.msk.auth.iam.IAMLoginModule required;'
      SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS=software.amazon.msk.auth.iam.IAMClientCallbackHandler
      export SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG \
        SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS
      ;;
    scram)
      require_var SR_KAFKA_SCRAM_USERNAME "SR_KAFKA_AUTH_MODE=scram"
      require_var SR_KAFKA_SCRAM_PASSWORD "SR_KAFKA_AUTH_MODE=scram"
      require_printable_ascii SR_KAFKA_SCRAM_USERNAME
      require_printable_ascii SR_KAFKA_SCRAM_PASSWORD
      clear_sasl_settings
      user=$(jaas_quote "$SR_KAFKA_SCRAM_USERNAME")
      pass=$(jaas_quote "$SR_KAFKA_SCRAM_PASSWORD")
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SASL_SSL
      SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM=SCRAM-SHA-512
      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG=$(printf \
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$user" "$pass")
      export SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG
      ;;
    tls)
      clear_sasl_settings
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SSL
      ;;
    plaintext)
      clear_sasl_settings
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=PLAINTEXT
      ;;
    '')
      die "SR_KAFKA_AUTH_MODE is required (one of: iam, scram, tls, plaintext)"
      ;;
    *)
      die "SR_KAFKA_AUTH_MODE='$mode' is not supported (use one of: iam, scram, tls, plaintext)"
      ;;
  esac
  export SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL
  log "kafka store: auth mode $mode (security.protocol=$SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL)"
}

# --- HTTP basic authentication ----------------------------------------------------------------

# CP 8 ships Jetty 12, which moved the JAAS classes to org.eclipse.jetty.security.jaas.
login_module_class() {
  major=${SR_CP_VERSION:-}
  major=${major%%.*}
  case $major in
    ''|*[!0-9]*) die "SR_CP_VERSION='${SR_CP_VERSION:-}' is not a Confluent Platform version such as 8.0.4 (the Dockerfile sets it from the CP_VERSION build arg)" ;;
  esac
  if [ "$major" -ge 8 ]; then
    echo org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule
  else
    echo org.eclipse.jetty.jaas.spi.PropertyFileLoginModule
  fi
}

configure_basic_auth() {
  enabled=${SR_BASIC_AUTH_ENABLED:-false}
  case $enabled in
    true) ;;
    false) log "basic auth: off"; return 0 ;;
    *) die "SR_BASIC_AUTH_ENABLED='$enabled' is not valid (use true or false)" ;;
  esac
  require_var SR_ADMIN_USERNAME "SR_BASIC_AUTH_ENABLED=true"
  require_var SR_ADMIN_PASSWORD "SR_BASIC_AUTH_ENABLED=true"
  # Jetty reads the password file with java.util.Properties (key: user) and splits the value at
  # the first comma (password, then roles); a Basic-auth user name cannot contain ':'.
  printf '%s' "$SR_ADMIN_USERNAME" | grep -Eq '^[A-Za-z0-9._@-]+$' \
    || die "SR_ADMIN_USERNAME may only contain letters, digits and . _ @ -"
  require_printable_ascii SR_ADMIN_PASSWORD
  case $SR_ADMIN_PASSWORD in
    *,*) die "SR_ADMIN_PASSWORD must not contain commas (exclude ',' when generating the secret)" ;;
    ' '*|*' ') die "SR_ADMIN_PASSWORD must not start or end with a space" ;;
  esac
  roles=${SR_BASIC_AUTH_ROLES:-admin}
  printf '%s' "$roles" | grep -Eq '^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$' \
    || die "SR_BASIC_AUTH_ROLES='$roles' must be a comma-separated list of role names (letters, digits, _ and -)"
  realm=${SR_BASIC_AUTH_REALM:-SchemaRegistry-Props}
  printf '%s' "$realm" | grep -Eq '^[A-Za-z0-9_.-]+$' \
    || die "SR_BASIC_AUTH_REALM='$realm' may only contain letters, digits and . _ -"
  class=$(login_module_class)

  dir=${SR_CONFIG_DIR:-/etc/schema-registry/secrets}
  jaas_file=$dir/jaas.conf
  password_file=$dir/password.properties
  old_umask=$(umask)
  umask 077
  mkdir -p "$dir" 2>/dev/null || die "cannot create $dir (set SR_CONFIG_DIR to a directory this user can write)"
  password=$(printf '%s' "$SR_ADMIN_PASSWORD" | sed -e 's/\\/\\\\/g')
  printf '%s: %s,%s\n' "$SR_ADMIN_USERNAME" "$password" "$roles" >"$password_file" \
    || die "cannot write $password_file"
  cat >"$jaas_file" <<JAAS
$realm {
  $class required
  file="$password_file"
  debug="false";
};
JAAS
  chmod 0600 "$password_file" "$jaas_file"
  umask "$old_umask"

  SCHEMA_REGISTRY_AUTHENTICATION_METHOD=BASIC
  SCHEMA_REGISTRY_AUTHENTICATION_REALM=$realm
  SCHEMA_REGISTRY_AUTHENTICATION_ROLES=$roles
  # GET / stays open so load-balancer and container health checks need no credentials. The value
  # is the list [""]: Jetty's empty path spec matches exactly the root. "/" would not do it: it is
  # Jetty's default spec, which loses to the "/*" constraint rest-utils puts on every path.
  SCHEMA_REGISTRY_AUTHENTICATION_SKIP_PATHS=,
  SCHEMA_REGISTRY_OPTS="${SCHEMA_REGISTRY_OPTS:+$SCHEMA_REGISTRY_OPTS }-Djava.security.auth.login.config=$jaas_file"
  export SCHEMA_REGISTRY_AUTHENTICATION_METHOD SCHEMA_REGISTRY_AUTHENTICATION_REALM \
    SCHEMA_REGISTRY_AUTHENTICATION_ROLES SCHEMA_REGISTRY_AUTHENTICATION_SKIP_PATHS SCHEMA_REGISTRY_OPTS
  log "basic auth: on (realm $realm, roles $roles, $class)"
}

# --- main -------------------------------------------------------------------------------------

[ -n "${SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS:-}" ] \
  || die "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS is required (comma-separated host:port list of the Kafka brokers)"
if [ -n "${SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR:-}" ]; then
  require_uint SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR "$SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR"
fi
SCHEMA_REGISTRY_LISTENERS=${SCHEMA_REGISTRY_LISTENERS:-http://0.0.0.0:8081}
export SCHEMA_REGISTRY_LISTENERS

configure_kafka_auth
configure_basic_auth
resolve_host_name

log "kafka store: bootstrap $SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS, topic ${SCHEMA_REGISTRY_KAFKASTORE_TOPIC:-_schemas}, group ${SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID:-schema-registry}, replication factor ${SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR:-3}"
log "listeners $SCHEMA_REGISTRY_LISTENERS, heap ${SCHEMA_REGISTRY_HEAP_OPTS:-image default}"

# The secrets now live only in the files and properties written above; keep them out of the
# launcher's environment (and so out of /proc/<pid>/environ).
unset SR_KAFKA_SCRAM_USERNAME SR_KAFKA_SCRAM_PASSWORD SR_ADMIN_USERNAME SR_ADMIN_PASSWORD

exec "${SCHEMA_REGISTRY_LAUNCHER:-/etc/confluent/docker/run}"
