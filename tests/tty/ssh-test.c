/*
 * ssh-test.c: the reader over SSH. Starts OpenSSH's sshd on 127.0.0.1 on
 * a free high port with a throwaway host key, user key and configuration
 * in a temporary folder, runs whosaid through `ssh -tt` in the pty
 * harness, and checks the opening screen, a quote jump and a clean exit.
 * Prints TAP itself; skips (with the reason) when sshd or ssh is missing
 * or sshd does not start.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static const char *sshd = "/usr/sbin/sshd";
static char dir[] = "/tmp/whosaid-ssh-XXXXXX";
static pid_t sshd_pid = -1;
static int ntest;

static void
ok(bool cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++ntest, what);
	fflush(stdout);
}

static void
cleanup(void)
{
	char cmd[256];

	if (sshd_pid > 0) {
		kill(sshd_pid, SIGTERM);
		waitpid(sshd_pid, NULL, 0);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", dir);
}

static void
skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	cleanup();
	exit(0);
}

/* Run a command quietly; true when it succeeds. */
static bool
run(const char *cmd)
{
	return system(cmd) == 0;
}

static bool
on_path(const char *prog)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", prog);
	return run(cmd);
}

/* A port nobody listens on now. */
static int
free_port(void)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd == -1 || bind(fd, (struct sockaddr *)&sa, sizeof sa) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) == -1)
		return -1;
	port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

static bool
port_open(int port)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	bool open;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	open = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	close(fd);
	return open;
}

int
main(void)
{
	const char *whosaid = getenv("WHOSAID"), *top = getenv("top_srcdir");
	char path[4096], cfg[4096], cmd[8192], remote[8192], port_s[16];
	char key[4096];
	FILE *f;
	int port, i, st;
	struct tty *t;
	char *argv[32];
	int ac = 0;
	bool seen;

	if (whosaid == NULL || top == NULL) {
		printf("1..0 # SKIP WHOSAID and top_srcdir not set\n");
		return 0;
	}
	if (access(sshd, X_OK) != 0)
		skip_all("sshd not installed (/usr/sbin/sshd): "
		    "install openssh-server");
	if (!on_path("ssh") || !on_path("ssh-keygen"))
		skip_all("ssh or ssh-keygen not installed: "
		    "install openssh-client");
	if (mkdtemp(dir) == NULL)
		skip_all("mkdtemp failed");
	snprintf(cmd, sizeof cmd,
	    "cd '%s' && ssh-keygen -q -t ed25519 -N '' -f host_key && "
	    "ssh-keygen -q -t ed25519 -N '' -f user_key && "
	    "cp user_key.pub authorized_keys && chmod 600 authorized_keys",
	    dir);
	if (!run(cmd))
		skip_all("ssh-keygen failed");
	if ((port = free_port()) == -1)
		skip_all("no free port");
	/* Privilege separation wants its empty folder when run as root. */
	if (geteuid() == 0)
		mkdir("/run/sshd", 0755);
	snprintf(cfg, sizeof cfg, "%s/sshd_config", dir);
	if ((f = fopen(cfg, "w")) == NULL)
		skip_all("cannot write sshd_config");
	fprintf(f, "Port %d\nListenAddress 127.0.0.1\n"
	    "HostKey %s/host_key\nAuthorizedKeysFile %s/authorized_keys\n"
	    "PidFile %s/sshd.pid\nUsePAM no\nStrictModes no\n"
	    "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
	    "PubkeyAuthentication yes\nPermitRootLogin yes\n"
	    "PrintMotd no\nPrintLastLog no\nAcceptEnv LANG LC_*\n",
	    port, dir, dir, dir);
	fclose(f);

	fflush(NULL);
	if ((sshd_pid = fork()) == 0) {
		char log[4096];
		int fd;

		snprintf(log, sizeof log, "%s/sshd.log", dir);
		if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0) {
			dup2(fd, 2);
			dup2(fd, 1);
		}
		execl(sshd, sshd, "-D", "-e", "-f", cfg, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 100 && !port_open(port); i++) {
		if (waitpid(sshd_pid, &st, WNOHANG) == sshd_pid) {
			sshd_pid = -1;
			snprintf(cmd, sizeof cmd, "sed 's/^/# /' '%s/sshd.log'",
			    dir);
			if (system(cmd) != 0)
				fprintf(stderr, "# no sshd log\n");
			skip_all("sshd did not start (see its log above)");
		}
		usleep(50000);
	}
	if (!port_open(port))
		skip_all("sshd does not listen");

	printf("1..5\n");
	snprintf(port_s, sizeof port_s, "%d", port);
	snprintf(key, sizeof key, "%s/user_key", dir);
	snprintf(path, sizeof path, "%s/content/central-asia-referendums.txt",
	    top);
	snprintf(remote, sizeof remote, "LANG=C.UTF-8 '%s' '%s'", whosaid,
	    path);
	argv[ac++] = (char *)"ssh";
	argv[ac++] = (char *)"-tt";
	argv[ac++] = (char *)"-F";	/* no user configuration */
	argv[ac++] = (char *)"/dev/null";
	argv[ac++] = (char *)"-p";
	argv[ac++] = port_s;
	argv[ac++] = (char *)"-i";
	argv[ac++] = key;
	argv[ac++] = (char *)"-o";
	argv[ac++] = (char *)"StrictHostKeyChecking=no";
	argv[ac++] = (char *)"-o";
	argv[ac++] = (char *)"UserKnownHostsFile=/dev/null";
	argv[ac++] = (char *)"-o";
	argv[ac++] = (char *)"BatchMode=yes";
	argv[ac++] = (char *)"-o";
	argv[ac++] = (char *)"IdentitiesOnly=yes";
	argv[ac++] = (char *)"-o";
	argv[ac++] = (char *)"LogLevel=ERROR";
	argv[ac++] = (char *)"127.0.0.1";
	argv[ac++] = remote;
	argv[ac] = NULL;

	t = tty_start(argv, 24, 80, NULL);
	if (t == NULL) {
		ok(false, "ssh starts");
		cleanup();
		return 1;
	}
	seen = tty_wait_for(t, "Referendums", 20000);
	if (!seen && (st = tty_wait_exit(t, 3000)) != -1 && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 255) {
		/*
		 * ssh itself failed (255): this account cannot log in over
		 * ssh here (a locked password or a nologin shell, when not
		 * root), which says nothing about the reader.
		 */
		char *s = tty_row(t, 0);

		for (i = 1; i <= 5; i++)
			printf("ok %d # SKIP ssh could not log in: %s\n", i, s);
		free(s);
		tty_free(t);
		cleanup();
		return 0;
	}
	ok(seen, "the opening screen shows the title over ssh");
	if (!seen) {
		char *s = tty_screen(t);

		fprintf(stderr, "# screen:\n%s", s);
		free(s);
	}
	tty_settle(t, 300, 5000);
	ok(tty_find(t, "Actors", NULL, NULL), "the sidebar is there");
	tty_send(t, "]");
	ok(tty_wait_for(t, "quote 1/", 10000), "] jumps to quote 1");
	tty_send(t, "q");
	st = tty_wait_exit(t, 10000);
	ok(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "q ends the session with status 0");
	ok(!tty_altscreen(t) && tty_cursor_visible(t),
	    "the terminal is restored");
	tty_free(t);
	cleanup();
	return 0;
}
