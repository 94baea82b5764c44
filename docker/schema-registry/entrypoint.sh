#!/bin/sh
# Entrypoint of the Schema Registry image (docker/schema-registry/Dockerfile).
#
# Turns the environment set by the ECS task definition into the SCHEMA_REGISTRY_* variables that the
# stock cp launcher renders into schema-registry.properties, writes every secret into 0600 files
# (JAAS, basic-auth passwords, Kafka key stores), drops the injected secrets from the environment,
# then execs the launcher. Its parts live in entrypoint.d/ next to this file.
# The names shared with the CDK task definition live in docker/schema-registry/env-contract.json.
#
# Contract variables (set by the task definition):
#   SR_KAFKA_AUTH_MODE           iam | scram | tls | plaintext
#   SR_BASIC_AUTH_ENABLED        true | false (default false)
#   SR_BASIC_AUTH_ROLES          comma-separated roles (default admin)
#   SR_KAFKA_SCRAM_USERNAME, SR_KAFKA_SCRAM_PASSWORD                injected secrets (scram mode)
#   SR_KAFKA_TLS_TRUSTSTORE, SR_KAFKA_TLS_TRUSTSTORE_PASSWORD       injected secrets (tls/scram, optional)
#   SR_KAFKA_TLS_KEYSTORE, SR_KAFKA_TLS_KEYSTORE_PASSWORD           injected secrets (tls, optional)
#   SR_ADMIN_USERNAME, SR_ADMIN_PASSWORD                            injected secrets (basic auth)
#   SCHEMA_REGISTRY_*            passed through to the cp launcher
#
# Internal variables (image, local runs and tests; not part of the task-definition contract):
#   SR_CP_VERSION                Confluent Platform version; set by the Dockerfile (ENV)
#   SR_BASIC_AUTH_REALM          JAAS realm name (default SchemaRegistry-Props)
#   SR_CONFIG_DIR                where the files holding secrets go (default /etc/schema-registry/secrets)
#   SR_METADATA_ATTEMPTS         ECS metadata attempts (default 5)
#   SR_METADATA_RETRY_DELAY      seconds between attempts (default 1)
#   SR_METADATA_TIMEOUT          seconds per attempt (default 2)
#   SR_HOST_IP_FALLBACK_CMD      command printing this container's addresses outside ECS (default: hostname -i)
#   SCHEMA_REGISTRY_LAUNCHER     program exec'd at the end (default /etc/confluent/docker/run)
#
# It writes only into SR_CONFIG_DIR, which lies on the writable /etc/schema-registry volume (the
# container's root filesystem is read-only; see docs/container-image.md).
# Secret values are never printed; error messages name the variable only.
set -eu

parts_dir=$(dirname "$0")/entrypoint.d
# shellcheck source=entrypoint.d/common.sh
. "$parts_dir/common.sh"
# shellcheck source=entrypoint.d/jaas.sh
. "$parts_dir/jaas.sh"
# shellcheck source=entrypoint.d/host-name.sh
. "$parts_dir/host-name.sh"
# shellcheck source=entrypoint.d/kafka-tls.sh
. "$parts_dir/kafka-tls.sh"
# shellcheck source=entrypoint.d/kafka-auth.sh
. "$parts_dir/kafka-auth.sh"
# shellcheck source=entrypoint.d/basic-auth.sh
. "$parts_dir/basic-auth.sh"

[ -n "${SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS:-}" ] \
  || die "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS is required (comma-separated host:port list of the Kafka brokers)"
if [ -n "${SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR:-}" ]; then
  require_uint SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR "$SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR"
fi
SCHEMA_REGISTRY_LISTENERS=${SCHEMA_REGISTRY_LISTENERS:-http://0.0.0.0:8081}
export SCHEMA_REGISTRY_LISTENERS

configure_kafka_auth
configure_basic_auth
write_jaas_file
resolve_host_name
set_reader_group_id
refuse_secrets_in_properties

log "kafka store: bootstrap $SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS, topic ${SCHEMA_REGISTRY_KAFKASTORE_TOPIC:-_schemas}, group ${SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID:-schema-registry}, reader group $SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID, replication factor ${SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR:-3}"
log "listeners $SCHEMA_REGISTRY_LISTENERS, heap ${SCHEMA_REGISTRY_HEAP_OPTS:-image default}"

# The secrets now live only in the 0600 files written above; keep them out of the launcher's
# environment, and so out of /proc/<pid>/environ of every process it starts (both JVMs included).
unset SR_KAFKA_SCRAM_USERNAME SR_KAFKA_SCRAM_PASSWORD SR_ADMIN_USERNAME SR_ADMIN_PASSWORD SR_KAFKA_TLS_TRUSTSTORE SR_KAFKA_TLS_TRUSTSTORE_PASSWORD SR_KAFKA_TLS_KEYSTORE SR_KAFKA_TLS_KEYSTORE_PASSWORD

exec "${SCHEMA_REGISTRY_LAUNCHER:-/etc/confluent/docker/run}"
