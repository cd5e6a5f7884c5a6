# bash completion for dlg and every dlg-* command (installed as
# share/bash-completion/completions/dlg, with a link for each dlg-NAME).
# Options are read from the command's own --help, so they never go stale;
# --session offers the conference ids of the case folder's sessions.csv.
# Words from data (session ids, template and file names) are only compared
# with what was typed, never expanded: "compgen -W" would run a "$(...)" in a
# received sessions.csv. --opt=value completes like --opt value.

# The case folder as the commands find it: -C DIR on the line, else
# $DLG_DIR, else the nearest folder upwards with a dlg.conf, else ".".
_dlg_case_dir()
{
	local i dir=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C) dir=${COMP_WORDS[i + 1]} ;;
		-C?*) dir=${COMP_WORDS[i]#-C} ;;
		esac
	done
	if [[ -n $dir ]]; then
		# ~ and ~/... as the shell will expand them; nothing else (no eval)
		if [[ $dir == "~" ]]; then
			dir=$HOME
		elif [[ $dir == "~/"* ]]; then
			dir=$HOME/${dir#"~/"}
		fi
		printf '%s\n' "$dir"
		return
	fi
	if [[ -n ${DLG_DIR-} ]]; then
		printf '%s\n' "$DLG_DIR"
		return
	fi
	dir=$PWD
	while [[ -n $dir ]]; do
		[[ -f $dir/dlg.conf ]] && { printf '%s\n' "$dir"; return; }
		dir=${dir%/*}
	done
	printf '.\n'
}

# The file of [files] KEY in the case folder's dlg.conf, else DEFAULT.
_dlg_case_file()
{
	local dir=$1 key=$2 def=$3 name
	if [[ -f $dir/dlg.conf ]]; then
		name=$(awk -v k="$key" '
			/^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec); next }
			sec == "files" && $0 ~ "^[ \t]*" k "[ \t]*=" {
				sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]+$/, ""); print; exit }' "$dir/dlg.conf")
	fi
	printf '%s/%s\n' "$dir" "${name:-$def}"
}

# Conference ids: first column of sessions.csv (a quoted id is unquoted).
_dlg_sessions()
{
	local dir file
	dir=$(_dlg_case_dir)
	file=$(_dlg_case_file "$dir" sessions sessions.csv)
	[[ -r $file ]] || return
	awk -F, 'NR > 1 && $1 != "" { gsub(/"/, "", $1); sub(/\r$/, "", $1); print $1 }' "$file"
}

# Templates: the case folder's templates/ and the built-in ones.
_dlg_templates()
{
	local dir share f
	dir=$(_dlg_case_dir)
	share=${DLG_SHARE-}
	if [[ -z $share ]]; then
		local bin
		bin=$(command -v dlg-pdf 2>/dev/null) && share=${bin%/bin/*}/share/dlg
	fi
	for f in "$dir"/templates/*.md "$share"/templates/*.md; do
		[[ -f $f ]] || continue
		f=${f##*/}
		printf '%s\n' "${f%.md}"
	done
}

# Long and short options of a command, from its --help (cached).
declare -gA _dlg_opts_cache 2>/dev/null
_dlg_options()
{
	local cmd=$1
	if [[ -z ${_dlg_opts_cache[$cmd]-} ]]; then
		_dlg_opts_cache[$cmd]=$(LC_ALL=C "$cmd" --help 2>/dev/null |
			grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u | tr '\n' ' ')
	fi
	printf '%s\n' "${_dlg_opts_cache[$cmd]}"
}

# Add to COMPREPLY the words (one a line on standard input) that start with
# $1, as they are: no expansion, no word splitting, no globbing.
_dlg_add_words()
{
	local cur=$1 w
	while IFS= read -r w; do
		[[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
}

# Add file names (compgen -f -X FILTER) and folders matching $1.
_dlg_add_files()
{
	local cur=$1 filter=$2 f
	if [[ -n $filter ]]; then
		while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -X "$filter" -- "$cur")
	fi
	while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$cur")
}

_dlg_command()
{
	local cmd=$1 cur=$2 prev=$3
	case $prev in
	--session)
		_dlg_add_words "$cur" < <(_dlg_sessions)
		return
		;;
	-C | --mail | --slips | --slips-csv)
		_dlg_add_files "$cur" ""
		return
		;;
	-o | --output)
		_dlg_add_files "$cur" '!*.pdf'
		return
		;;
	--one-file | --pdf)
		_dlg_add_files "$cur" '!*.pdf'
		return
		;;
	-t | --template)
		_dlg_add_words "$cur" < <(_dlg_templates)
		_dlg_add_files "$cur" '!*.md'
		return
		;;
	--channel)
		_dlg_add_words "$cur" < <(printf '%s\n' paper online email post conference)
		return
		;;
	--as)
		_dlg_add_words "$cur" < <(printf '%s\n' office signer)
		return
		;;
	--pkcs11)
		_dlg_add_files "$cur" '!*.so*'
		return
		;;
	--pkcs12 | --pin-file)
		_dlg_add_files "$cur" '!*'
		return
		;;
	--token | --key)
		return
		;;
	--envelope)
		COMPREPLY=($(compgen -W "dl c5" -- "$cur"))
		return
		;;
	--radio)
		COMPREPLY=($(compgen -f -X '!*.txt' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	--from)
		_dlg_add_words "$cur" < <(printf '%s\n' tcvn3 vni cp1258 windows-1258 utf-8 utf-16)
		return
		;;
	--today | --sent)
		_dlg_add_words "$cur" < <(date +%Y-%m-%d)
		return
		;;
	--holidays | --year)
		_dlg_add_words "$cur" < <(y=$(date +%Y) && printf '%s\n' "$y" "$((y + 1))")
		return
		;;
	--xlsx)
		_dlg_add_files "$cur" '!*.xlsx'
		return
		;;
	--soon | --number | --name-by | --table | --map | --sheet | --carry-over | --version | -h | --help)
		return
		;;
	--into | --answers | -a | --routes | --attendance | --notes | --items | --registrations)
		_dlg_add_files "$cur" '!*.csv'
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		_dlg_add_words "$cur" < <(_dlg_options "$cmd" | tr ' ' '\n')
		return
	fi
	if [[ $cmd == dlg-sign ]]; then
		_dlg_add_files "$cur" '!*.pdf'
		return
	fi
	if [[ $cmd == dlg-register ]]; then
		# forms come as CSV, Excel workbooks and e-mail (files or folders)
		local ext f
		for ext in csv xlsx eml; do
			while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -X "!*.$ext" -- "$cur")
		done
		_dlg_add_files "$cur" ''
		return
	fi
	_dlg_add_files "$cur" '!*.csv'
}

_dlg()
{
	COMPREPLY=()
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmd=${COMP_WORDS[0]##*/} opt=
	compopt -o filenames 2>/dev/null
	# --opt=value: bash splits it into "--opt" "=" "value" (COMP_WORDBREAKS
	# holds "="), or it comes whole
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		cur=${cur#*=}
	elif [[ $cur == "=" && $prev == --* ]]; then
		opt=$prev
		cur=
	elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	[[ -n $opt ]] && prev=$opt
	if [[ $cmd == dlg ]]; then
		if ((COMP_CWORD == 1)); then
			_dlg_add_words "$cur" < <(printf '%s\n' init help --help --version
				compgen -c dlg- | sed -n 's/^dlg-//p' | sort -u)
			return
		fi
		case ${COMP_WORDS[1]} in
		init)
			((COMP_CWORD == 2)) && _dlg_add_files "$cur" ""
			return
			;;
		help | -* | "") return ;;
		*[!a-z]*) return ;; # not a command name: run nothing
		esac
		cmd=dlg-${COMP_WORDS[1]}
	fi
	_dlg_command "$cmd" "$cur" "$prev"
	# a whole "--opt=value" word is replaced whole
	if [[ -n $opt && ${COMP_WORDS[COMP_CWORD]} == --*=* ]]; then
		local i
		for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=$opt=${COMPREPLY[i]}; done
	fi
}

complete -F _dlg dlg dlg-register dlg-route dlg-deadline dlg-invite dlg-minutes dlg-reply dlg-report dlg-pdf dlg-outgoing \
	dlg-announce dlg-brief dlg-escalate dlg-attend dlg-post dlg-sign
