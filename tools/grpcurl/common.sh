# Sourced by every script of tools/grpcurl/. The one place that knows where
# aduand is, how to reach it and who is calling, and that builds JSON bodies.
#
#   ADUAN_ADDR          host:port of aduand (default 127.0.0.1:50051)
#   ADUAN_TOKEN         bearer token; sent as "authorization: Bearer …" if set
#   ADUAN_CACERT        CA certificate(s) that verify the server: TLS
#                       (aduanctl's name ADUAN_CA_FILE works too)
#   ADUAN_CERT          client certificate, with ADUAN_KEY (mTLS): TLS
#                       (or ADUAN_CLIENT_CERT)
#   ADUAN_KEY           client private key, with ADUAN_CERT
#                       (or ADUAN_CLIENT_KEY)
#   ADUAN_TLS=1         TLS verified by the system's roots (no files needed)
#                       none of these: plaintext, to a loopback address only
#                       (aduand allows nothing else; a token must never
#                       cross the network in clear)
#   ADUAN_REQUEST_ID    request_id of a change (default: a fresh UUID); set it
#                       to the id a script printed to retry that very call
#   ADUAN_EMIT_DEFAULTS=1  print fields with zero values too (-emit-defaults)
#   GRPCURL             the grpcurl program (default: grpcurl on PATH)
#
# Scripts set `usage` (their help text) before calling aduan_help_or_usage.
# shellcheck shell=bash

ADUAN_ADDR="${ADUAN_ADDR:-127.0.0.1:50051}"

# --- help and argument errors ---------------------------------------------

# Prints the script's help text (the variable `usage`) and exits 0.
aduan_help() {
  printf '%s\n' "${usage:?}"
  exit 0
}

# Prints an error and the help text on stderr and exits 2.
aduan_usage_error() {
  printf '%s: %s\n%s\n' "$(basename "$0")" "$1" "${usage:?}" >&2
  exit 2
}

# Checks the number of positional arguments: aduan_expect_args MIN MAX COUNT.
aduan_expect_args() {
  if [ "$3" -lt "$1" ]; then
    aduan_usage_error "too few arguments"
  elif [ "$3" -gt "$2" ]; then
    aduan_usage_error "too many arguments"
  fi
}

# For options that take a value: aduan_need_value OPTION NUMBER_OF_ARGS_LEFT.
aduan_need_value() {
  [ "$2" -ge 2 ] || aduan_usage_error "$1 needs a value"
}

# --- JSON -----------------------------------------------------------------

# A JSON string literal for $1: quotes, backslashes and control characters
# are escaped, so any value is safe inside a request body.
json_str() {
  local s="$1" out="" c i code
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\r'/\\r}"
  s="${s//$'\t'/\\t}"
  if [[ "$s" =~ [[:cntrl:]] ]]; then
    for ((i = 0; i < ${#s}; i++)); do
      c="${s:i:1}"
      if [[ "$c" =~ [[:cntrl:]] ]]; then
        printf -v code '%d' "'$c"
        printf -v c '\\u%04x' "$code"
      fi
      out+="$c"
    done
    s="$out"
  fi
  printf '"%s"' "$s"
}

# json_str for a non-empty $1, nothing for an empty one (field left out).
json_opt_str() {
  if [ -n "$1" ]; then
    json_str "$1"
  fi
}

# An enum value: the name in upper case (`verified` → "VERIFIED").
json_enum() {
  if [ -n "$1" ]; then
    json_str "${1^^}"
  fi
}

# A whole number as JSON; nothing for an empty $1. Check option values with
# aduan_check_int first: a command substitution cannot stop the script.
json_int() {
  if [ -n "$1" ]; then
    printf '%d' "$1"
  fi
}

# Stops with a usage error unless $2 is a whole number: aduan_check_int OPTION VALUE.
aduan_check_int() {
  [[ "$2" =~ ^-?[0-9]+$ ]] || aduan_usage_error "$1 needs a whole number, not '$2'"
}

# `true` when $1 is 1, nothing otherwise (a false bool is left out).
json_true_if() {
  if [ "$1" = 1 ]; then
    printf 'true'
  fi
}

# A JSON array of the JSON values given; nothing when none is given.
json_array() {
  if [ "$#" -gt 0 ]; then
    local IFS=,
    printf '[%s]' "$*"
  fi
}

# A google.protobuf.FieldMask of the given paths (proto field names, e.g.
# complainant.kk_number) as grpcurl reads one: {"paths": [...]}. grpcurl
# refuses protobuf's canonical string form ("title,description").
json_field_mask() {
  local paths=() p
  for p in "$@"; do
    paths+=("$(json_str "$p")")
  done
  printf '{"paths": [%s]}' "$(IFS=,; printf '%s' "${paths[*]}")"
}

# A JSON object: json_object KEY VALUE [KEY VALUE]... where each VALUE is
# JSON already (from json_str, json_object, …). Pairs whose VALUE is empty
# are left out, so optional fields need no special case.
json_object() {
  local out="" sep=""
  while [ "$#" -ge 2 ]; do
    if [ -n "$2" ]; then
      out+="$sep$(json_str "$1"): $2"
      sep=", "
    fi
    shift 2
  done
  printf '{%s}' "$out"
}

# The request_id of a change: ADUAN_REQUEST_ID, else a fresh UUID. It is
# printed on stderr so that a call whose answer was lost can be retried with
# the same id (ADUAN_REQUEST_ID=… script …), which changes nothing twice.
aduan_request_id() {
  local id="${ADUAN_REQUEST_ID:-}"
  if [ -z "$id" ]; then
    if [ -r /proc/sys/kernel/random/uuid ]; then
      id="$(cat /proc/sys/kernel/random/uuid)"
    elif command -v uuidgen >/dev/null; then
      id="$(uuidgen | tr '[:upper:]' '[:lower:]')"
    else
      id="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    fi
  fi
  printf 'request_id: %s\n' "$id" >&2
  printf '%s' "$id"
}

# --- calling grpcurl --------------------------------------------------------

# The transport flags: TLS when a certificate file or ADUAN_TLS is given,
# plaintext otherwise.
aduan_transport_flags() {
  aduan_flags=()
  # aduanctl's names for the same files.
  ADUAN_CACERT="${ADUAN_CACERT:-${ADUAN_CA_FILE:-}}"
  ADUAN_CERT="${ADUAN_CERT:-${ADUAN_CLIENT_CERT:-}}"
  ADUAN_KEY="${ADUAN_KEY:-${ADUAN_CLIENT_KEY:-}}"
  if [ -n "${ADUAN_CERT:-}" ] || [ -n "${ADUAN_KEY:-}" ]; then
    if [ -z "${ADUAN_CERT:-}" ] || [ -z "${ADUAN_KEY:-}" ]; then
      echo "$(basename "$0"): ADUAN_CERT and ADUAN_KEY go together" >&2
      exit 2
    fi
    aduan_flags+=(-cert "$ADUAN_CERT" -key "$ADUAN_KEY")
  fi
  if [ -n "${ADUAN_CACERT:-}" ]; then
    aduan_flags+=(-cacert "$ADUAN_CACERT")
  fi
  if [ "${#aduan_flags[@]}" -eq 0 ] && [ "${ADUAN_TLS:-0}" != 1 ]; then
    case "$ADUAN_ADDR" in
      127.* | localhost:* | "[::1]:"*) ;;
      *)
        echo "$(basename "$0"): $ADUAN_ADDR is not a loopback address; set" \
          "ADUAN_CACERT (or ADUAN_TLS=1) to use TLS" >&2
        exit 2
        ;;
    esac
    aduan_flags+=(-plaintext)
  fi
  if [ "${ADUAN_EMIT_DEFAULTS:-0}" = 1 ]; then
    aduan_flags+=(-emit-defaults)
  fi
}

# Runs grpcurl with the transport flags, the token (if any) and the given
# arguments: aduan_grpcurl [FLAGS...] (ADDR is added before the verb by the
# callers below). grpcurl's exit status is the script's: 0, 1 (could not
# call), 64 + the gRPC status code (e.g. 80 = Unauthenticated).
aduan_grpcurl() {
  local auth=()
  aduan_transport_flags
  if [ -n "${ADUAN_TOKEN:-}" ] && [ "${aduan_no_token:-0}" != 1 ]; then
    auth=(-H "authorization: Bearer $ADUAN_TOKEN")
  fi
  "${GRPCURL:-grpcurl}" "${aduan_flags[@]}" "${auth[@]}" "$@"
}

# Calls a method with a JSON body: aduan_call SERVICE/METHOD BODY.
aduan_call() {
  aduan_grpcurl -d "$2" "$ADUAN_ADDR" "$1"
}

# The same without the token: the citizen's calls with tracking code and PIN.
aduan_call_public() {
  aduan_no_token=1 aduan_call "$@"
}

# The same, always printing zero values (false, 0, "" would be invisible).
aduan_call_with_defaults() {
  ADUAN_EMIT_DEFAULTS=1 aduan_call "$@"
}

# --- one-text workflow steps ---------------------------------------------------

# The steps that take a tracking code, one text and --etag: parses the
# script's arguments and calls METHOD with the text in FIELD.
#   aduan_text_step METHOD FIELD MIN_ARGS "$@"   (MIN_ARGS 1: text optional)
aduan_text_step() {
  local method="$1" field="$2" min="$3" etag="" args=()
  shift 3
  while [ "$#" -gt 0 ]; do
    case "$1" in
      -h | --help) aduan_help ;;
      --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
      --) shift; args+=("$@"); break ;;
      -*) aduan_usage_error "unknown option $1" ;;
      *) args+=("$1"); shift ;;
    esac
  done
  aduan_expect_args "$min" 2 "${#args[@]}"
  aduan_call "$method" "$(json_object \
    request_id "$(json_str "$(aduan_request_id)")" \
    tracking_code "$(json_str "${args[0]}")" \
    etag "$(json_opt_str "$etag")" \
    "$field" "$(json_opt_str "${args[1]:-}")")"
}

