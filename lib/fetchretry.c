/* When to try a URL again: backoff with jitter, Retry-After, which
 * statuses are worth it. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "fetch.h"

double
pith_fetch_retry_after(const char *value, double now)
{
	const char *p;
	time_t t;

	if (value == NULL)
		return -1;
	while (*value == ' ' || *value == '\t')
		value++;
	if (*value == '\0')
		return -1;
	for (p = value; isdigit((unsigned char)*p); p++)
		;
	if (p > value && (*p == '\0' || isspace((unsigned char)*p))) {
		if (p - value > 9)
			return 1e9;
		return atof(value);
	}
	if ((t = curl_getdate(value, NULL)) == -1)
		return -1;
	return (double)t > now ? (double)t - now : 0;
}

double
pith_fetch_backoff(double base, int tries, double floor)
{
	double wait;

	if (tries < 1)
		tries = 1;
	if (tries > 30)
		tries = 30;
	/* Jitter so that many clients (or many hosts of ours) that failed
	 * together do not come back together. */
	wait = base * ldexp(1.0, tries - 1) * (0.5 + drand48());
	return wait < floor ? floor : wait;
}

int
pith_fetch_status_retryable(int status)
{
	return status == 408 || status == 429 ||
	    (status >= 500 && status <= 599);
}

const char *
pith_fetch_reason(int status)
{
	static const struct {
		int code;
		const char *text;
	} reasons[] = {
		{200, "OK"}, {201, "Created"}, {202, "Accepted"},
		{203, "Non-Authoritative Information"}, {204, "No Content"},
		{206, "Partial Content"},
		{300, "Multiple Choices"}, {301, "Moved Permanently"},
		{302, "Found"}, {303, "See Other"}, {304, "Not Modified"},
		{307, "Temporary Redirect"}, {308, "Permanent Redirect"},
		{400, "Bad Request"}, {401, "Unauthorized"},
		{402, "Payment Required"}, {403, "Forbidden"},
		{404, "Not Found"}, {405, "Method Not Allowed"},
		{406, "Not Acceptable"}, {407, "Proxy Authentication Required"},
		{408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"},
		{411, "Length Required"}, {412, "Precondition Failed"},
		{413, "Content Too Large"}, {414, "URI Too Long"},
		{415, "Unsupported Media Type"}, {416, "Range Not Satisfiable"},
		{417, "Expectation Failed"}, {421, "Misdirected Request"},
		{422, "Unprocessable Content"}, {425, "Too Early"},
		{426, "Upgrade Required"}, {428, "Precondition Required"},
		{429, "Too Many Requests"},
		{431, "Request Header Fields Too Large"},
		{451, "Unavailable For Legal Reasons"},
		{500, "Internal Server Error"}, {501, "Not Implemented"},
		{502, "Bad Gateway"}, {503, "Service Unavailable"},
		{504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"},
		{507, "Insufficient Storage"}, {508, "Loop Detected"},
		{511, "Network Authentication Required"},
	};
	size_t i;

	for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (reasons[i].code == status)
			return reasons[i].text;
	return "";
}
