import { handleAuth } from "@/lib/auth/route-handler";

export { handleAuth as GET, handleAuth as POST };
