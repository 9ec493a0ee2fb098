# bash completion for knotmap: its commands, their options and the values of
# the options that take one of a fixed list. Self-contained (no helpers from
# the bash-completion package), so it also works when sourced by hand.
# tests/e2e/test_package.sh checks these lists against every --help.

# The commands and subcommands below COMMAND ("" is knotmap itself).
_knotmap_commands() {
  case $1 in
    "") echo "demo info export import copy decrypt backup backups restore practice audit atlas screenshot report encrypt rekey" ;;
    practice) echo "init add disable enable assign share unshare list" ;;
    atlas) echo "hit" ;;
  esac
}

# The options of COMMAND, short and long.
_knotmap_options() {
  case $1 in
    "") echo "-h --help --version --db" ;;
    demo) echo "-h --help --db --clients --days --seed --end --force -q --quiet --passphrase-file" ;;
    info) echo "-h --help --db --passphrase-file" ;;
    export) echo "-h --help --db -o --output --format --table --all --client --from --to --bom --no-neutralise --encrypt --passphrase-file -q --quiet" ;;
    import) echo "-h --help --db --dry-run --client --map --skip-unmapped --no-neutralise -q --quiet --passphrase-file" ;;
    copy) echo "-h --help --from --to -q --quiet --passphrase-file" ;;
    decrypt) echo "-h --help -o --output --db --passphrase-file" ;;
    encrypt) echo "-h --help --db --passphrase-file" ;;
    rekey) echo "-h --help --db --passphrase-file --new-passphrase-file" ;;
    backup) echo "-h --help --db -o --output --encrypt --passphrase-file -q --quiet" ;;
    backups) echo "-h --help --db --passphrase-file" ;;
    restore) echo "-h --help --db --force --passphrase-file --backup-passphrase-file" ;;
    practice) echo "-h --help --passphrase-file" ;;
    "practice init") echo "-h --help --db --login --name --password-file --no-password" ;;
    "practice add") echo "-h --help --db --name --role --password-file --no-password" ;;
    "practice disable" | "practice enable" | "practice list") echo "-h --help --db" ;;
    "practice assign") echo "-h --help --db --to" ;;
    "practice share" | "practice unshare") echo "-h --help --db --with" ;;
    audit) echo "-h --help --db --client --from --to --format -o --output --passphrase-file" ;;
    atlas) echo "-h --help --format --passphrase-file" ;;
    "atlas hit") echo "-h --help --view" ;;
    screenshot) echo "-h --help --db -o --output --width --height --client --view --theme --zoom --tab --knot-region --passphrase-file" ;;
    report) echo "-h --help --db --client --from --to --paper --checkins -o --output -q --quiet --passphrase-file" ;;
  esac
}

# Options that stand alone; every other option takes a value.
_knotmap_is_flag() {
  case $1 in
    -h | --help | -q | --quiet | --version | --force | --bom | --no-neutralise | --encrypt | --dry-run | --no-password | --skip-unmapped) return 0 ;;
  esac
  return 1
}

# The values offered after OPTION in COMMAND: a word list, or "@files".
_knotmap_values() {
  case "$1 $2" in
    *" --db" | "copy --from" | "copy --to" | *" -o" | *" --output" | *" --all" | \
      *" --passphrase-file" | *" --new-passphrase-file" | *" --backup-passphrase-file" | *" --password-file") echo "@files" ;;
    "export --table") echo "observations sessions treatments knots clients" ;;
    "export --format") echo "csv fhir fhir-ndjson" ;;
    "audit --format") echo "text csv" ;;
    "atlas --format") echo "csv json" ;;
    "screenshot --view") echo "front back both" ;;
    "atlas hit --view") echo "front back" ;;
    "screenshot --theme") echo "light dark" ;;
    "screenshot --tab") echo "body-map knot-history overview heat compare treatments symptoms" ;;
    "report --paper") echo "a4 letter" ;;
    "report --checkins") echo "weekly full none" ;;
    "practice add --role") echo "owner practitioner front-desk" ;;
  esac
}

_knotmap() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local command="" word i values
  COMPREPLY=()
  # Walk the words before the cursor: commands deepen COMMAND, an option
  # that takes a value swallows the next word.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if ! _knotmap_is_flag "$word" && [[ $word != *=* ]] && ((i + 1 < COMP_CWORD)); then
        ((i++))
      elif ! _knotmap_is_flag "$word" && [[ $word != *=* ]]; then
        # The cursor is on this option's value.
        values=$(_knotmap_values "$command" "$word")
        if [[ $values == "@files" ]]; then
          compopt -o filenames 2>/dev/null
          mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        elif [[ -n $values ]]; then
          mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
        fi
        return 0
      fi
    elif [[ " $(_knotmap_commands "$command") " == *" $word "* ]]; then
      command="${command:+$command }$word"
    fi
  done
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_knotmap_options "$command")" -- "$cur")
  elif [[ -n $(_knotmap_commands "$command") ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_knotmap_commands "$command")" -- "$cur")
  else
    # The file arguments of import, decrypt and restore.
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
  return 0
}
complete -F _knotmap knotmap
